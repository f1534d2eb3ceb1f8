package com.filemailbatch.upload;

import com.filemailbatch.filemail.CallPolicy;
import com.filemailbatch.filemail.FilemailApi;
import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.ledger.LedgerEntry;
import com.filemailbatch.ledger.LedgerEntryReaders;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.ledger.UploadLedger;
import com.filemailbatch.logging.RunLogContext;
import com.filemailbatch.settings.BatchSettings;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires {@code uploadTransfersStep} of sendTransfersJob: upload the files of initialized transfers, complete them. */
@Configuration(proxyBeanMethods = false)
class UploadStepConfiguration {

    /**
     * Concurrent like initialize: each thread delivers one transfer, its files {@code parallel-files} at a time. With
     * workers ({@code filemail.workers.enabled}) the step of that name is the partitioned one of the workers package.
     */
    @Bean
    @ConditionalOnProperty(name = "filemail.workers.enabled", havingValue = "false", matchIfMissing = true)
    Step uploadTransfersStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcPagingItemReader<LedgerEntry> uploadableTransferReader,
            UploadTransferProcessor uploadTransferProcessor, ItemWriter<JournalEntry> runJournalWriter,
            AsyncTaskExecutor filemailCallExecutor, RunLogContext runLogContext, BatchSettings settings) {
        return new StepBuilder("uploadTransfersStep", jobRepository)
                // On every execution, restarts included: uploads left unfinished are resumed whenever a run goes by.
                .allowStartIfComplete(true)
                .<LedgerEntry, JournalEntry>chunk(settings.concurrency())
                .transactionManager(transactionManager)
                .reader(uploadableTransferReader)
                .processor(uploadTransferProcessor)
                .writer(runJournalWriter)
                .taskExecutor(filemailCallExecutor)
                .listener(runLogContext)
                .build();
    }

    /**
     * What a worker runs for one partition of the uploads (remote partitioning, see the workers package): the same
     * delivery as {@code uploadTransfersStep}, over the partition's range of ledger ids.
     */
    @Bean
    @ConditionalOnProperty(name = "filemail.workers.enabled", havingValue = "true")
    Step uploadPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcPagingItemReader<LedgerEntry> partitionTransferReader,
            UploadTransferProcessor uploadTransferProcessor, ItemWriter<JournalEntry> runJournalWriter,
            AsyncTaskExecutor filemailCallExecutor, RunLogContext runLogContext, BatchSettings settings) {
        return new StepBuilder("uploadPartitionStep", jobRepository)
                .<LedgerEntry, JournalEntry>chunk(settings.concurrency())
                .transactionManager(transactionManager)
                .reader(partitionTransferReader)
                .processor(uploadTransferProcessor)
                .writer(runJournalWriter)
                .taskExecutor(filemailCallExecutor)
                .listener(runLogContext)
                .build();
    }

    /** The transfers of one partition: its range of ledger ids, as the manager's partitioner set it. */
    @Bean
    @StepScope
    @ConditionalOnProperty(name = "filemail.workers.enabled", havingValue = "true")
    JdbcPagingItemReader<LedgerEntry> partitionTransferReader(DataSource dataSource,
            @Value("#{stepExecutionContext['firstLedgerId']}") long firstId,
            @Value("#{stepExecutionContext['lastLedgerId']}") long lastId) throws Exception {
        JdbcPagingItemReader<LedgerEntry> reader = LedgerEntryReaders.toUpload("partitionTransferReader", dataSource,
                firstId, lastId);
        // A partition run again (its worker died) reads every unfinished transfer of its range again.
        reader.setSaveState(false);
        return reader;
    }

    /** Transfers whose row names files and which are not completed yet: new ones, and those left unfinished. */
    @Bean
    @StepScope
    JdbcPagingItemReader<LedgerEntry> uploadableTransferReader(DataSource dataSource) throws Exception {
        JdbcPagingItemReader<LedgerEntry> reader = LedgerEntryReaders.toUpload("uploadableTransferReader", dataSource);
        // A restarted step reads every unfinished transfer again, not from where the killed one stopped reading.
        reader.setSaveState(false);
        return reader;
    }

    /**
     * One cap for the whole process: every run, transfer and file shares it. Refused at start when the uploads in
     * flight at once could not each send a chunk within the request timeout at their share of the cap: they would
     * all time out at 02:00 instead.
     */
    @Bean
    Bandwidth uploadBandwidth(UploadProperties uploadProperties, BatchSettings settings) {
        long cap = uploadProperties.maxBytesPerSecond().toBytes();
        long streams = (long) settings.concurrency() * uploadProperties.parallelFiles();
        long chunk = uploadProperties.chunkSize().toBytes();
        if (cap > 0 && chunk * streams > cap * FileUploader.REQUEST_TIMEOUT.toSeconds() * 9 / 10) {
            throw new IllegalArgumentException("filemail.upload.max-bytes-per-second " + cap + " B/s is too low for "
                    + streams + " uploads at once (filemail.concurrency x filemail.upload.parallel-files) of " + chunk
                    + "-byte chunks: each would take longer than the " + FileUploader.REQUEST_TIMEOUT.toMinutes()
                    + "-minute request timeout. Raise the cap, or lower filemail.upload.chunk-size, "
                    + "filemail.upload.parallel-files or filemail.concurrency");
        }
        return Bandwidth.of(cap);
    }

    @Bean
    @StepScope
    UploadTransferProcessor uploadTransferProcessor(LedgerRepository ledger, UploadLedger uploadLedger,
            FilemailApi api, CallPolicy callPolicy, UploadProperties uploadProperties, UploadedBytes uploadedBytes,
            Bandwidth uploadBandwidth,
            @Value("#{stepExecution.jobExecution.id}") long jobExecutionId,
            @Value("#{jobParameters['dryRun'] ?: 'false'}") String dryRun) {
        return new UploadTransferProcessor(ledger, uploadLedger, api, callPolicy, uploadProperties,
                UploadProgressPrinter.forConsole(), uploadedBytes, uploadBandwidth, jobExecutionId,
                Boolean.parseBoolean(dryRun));
    }
}
