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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires {@code uploadTransfersStep} of sendTransfersJob: upload the files of initialized transfers, complete them. */
@Configuration(proxyBeanMethods = false)
class UploadStepConfiguration {

    /** Concurrent like initialize: each thread delivers one transfer, its files {@code parallel-files} at a time. */
    @Bean
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

    /** Transfers whose row names files and which are not completed yet: new ones, and those left unfinished. */
    @Bean
    @StepScope
    JdbcPagingItemReader<LedgerEntry> uploadableTransferReader(DataSource dataSource) throws Exception {
        JdbcPagingItemReader<LedgerEntry> reader = LedgerEntryReaders.toUpload("uploadableTransferReader", dataSource);
        // A restarted step reads every unfinished transfer again, not from where the killed one stopped reading.
        reader.setSaveState(false);
        return reader;
    }

    /** One cap for the whole process: every run, transfer and file shares it. */
    @Bean
    Bandwidth uploadBandwidth(UploadProperties uploadProperties) {
        return Bandwidth.of(uploadProperties.maxBytesPerSecond().toBytes());
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
