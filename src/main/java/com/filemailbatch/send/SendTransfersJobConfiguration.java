package com.filemailbatch.send;

import com.filemailbatch.csv.TransferDefinition;
import com.filemailbatch.csv.TransferDefinitionReader;
import com.filemailbatch.csv.TransferDefinitionValidator;
import com.filemailbatch.filemail.CallPolicy;
import com.filemailbatch.filemail.FilemailApi;
import com.filemailbatch.filemail.FilemailProperties;
import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.ledger.LedgerEntry;
import com.filemailbatch.ledger.LedgerEntryReaders;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.liveness.RunOwnershipListener;
import com.filemailbatch.logging.MdcTaskDecorator;
import com.filemailbatch.logging.RunLogContext;
import com.filemailbatch.report.FailedRunReportListener;
import com.filemailbatch.settings.BatchSettings;
import com.filemailbatch.csv.FilesProperties;
import com.filemailbatch.csv.TransferFiles;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Wires {@code sendTransfersJob}: send what earlier runs left unsent, initialize the CSV's transfers, upload their
 * files and complete them, cancel stale ones, report.
 */
@Configuration(proxyBeanMethods = false)
class SendTransfersJobConfiguration {

    @Bean
    Job sendTransfersJob(JobRepository jobRepository, Step resumeUnsentTransfersStep, Step initializeTransfersStep,
            Step uploadTransfersStep, Step cancelStaleTransfersStep, Step reportStep, FailedRunReportListener failedRunReportListener,
            RunOwnershipListener runOwnershipListener, RunGuards runGuards, RunLogContext runLogContext) {
        return new JobBuilder("sendTransfersJob", jobRepository)
                .listener(runLogContext)
                .listener(runOwnershipListener)
                .listener(failedRunReportListener)
                .listener(runGuards)
                .start(resumeUnsentTransfersStep)
                .next(initializeTransfersStep)
                .next(uploadTransfersStep)
                .next(cancelStaleTransfersStep)
                .next(reportStep)
                .build();
    }

    /** Chunk-oriented; reading and validating stay on one thread, the writer sends a chunk's calls concurrently. */
    @Bean
    Step initializeTransfersStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            TransferDefinitionReader transferDefinitionReader, InitializeTransferProcessor initializeTransferProcessor,
            SendPipeline sendPipeline, InitializeProgressListener initializeProgressListener,
            RunLogContext runLogContext, BatchSettings settings) {
        return new StepBuilder("initializeTransfersStep", jobRepository)
                .<TransferDefinition, InitializeItem>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(new DrainAtEndReader(transferDefinitionReader, sendPipeline))
                .processor(initializeTransferProcessor)
                .writer(new InitializeChunkWriter(sendPipeline))
                .listener(runLogContext)
                .listener(sendPipeline)
                .listener(initializeProgressListener)
                .build();
    }

    /**
     * One per step execution: calls stay in flight across the step's chunks. At most a chunk of rows (and at least
     * {@code 2 x concurrency}) is claimed and not yet recorded, as when each chunk waited for its calls.
     */
    @Bean
    @StepScope
    SendPipeline sendPipeline(LedgerRepository ledger, ExactlyOnceInitializer initializer, RunGuards runGuards,
            ObjectMapper objectMapper, AsyncTaskExecutor filemailCallExecutor,
            ItemWriter<JournalEntry> runJournalWriter, PlatformTransactionManager transactionManager,
            BatchSettings settings, @Value("#{stepExecution.jobExecution.id}") long jobExecutionId) {
        RunGuard guard = runGuards.forExecution(jobExecutionId);
        AttemptRecorder recorder = new AttemptRecorder(ledger);
        TransferSender sender = new TransferSender(ledger, recorder, initializer, guard, objectMapper, jobExecutionId,
                InitializeTransferProcessor.STEP);
        TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new SendPipeline(sender, ledger, recorder, guard, filemailCallExecutor, runJournalWriter,
                ownTransaction, settings.concurrency(), settings.chunkSize());
    }

    /** Rows earlier runs left unsent (deferred, failed, or pending after a crash), oldest first: they go out first. */
    @Bean
    Step resumeUnsentTransfersStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcPagingItemReader<LedgerEntry> unsentTransferReader, ResumeTransferProcessor resumeTransferProcessor,
            ItemWriter<JournalEntry> runJournalWriter, AsyncTaskExecutor filemailCallExecutor,
            RunLogContext runLogContext, BatchSettings settings) {
        return new StepBuilder("resumeUnsentTransfersStep", jobRepository)
                // On every execution, restarts included: rows may have been left unsent since it last ran.
                .allowStartIfComplete(true)
                .<LedgerEntry, JournalEntry>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(unsentTransferReader)
                .processor(resumeTransferProcessor)
                .writer(runJournalWriter)
                .taskExecutor(filemailCallExecutor)
                .listener(runLogContext)
                .build();
    }

    /** Rows of this very execution are left to the step that claimed them. */
    @Bean
    @StepScope
    JdbcPagingItemReader<LedgerEntry> unsentTransferReader(DataSource dataSource,
            @Value("#{stepExecution.jobExecution.id}") long jobExecutionId) throws Exception {
        return LedgerEntryReaders.unsent("unsentTransferReader", dataSource, jobExecutionId);
    }

    @Bean
    @StepScope
    ResumeTransferProcessor resumeTransferProcessor(LedgerRepository ledger, ExactlyOnceInitializer initializer,
            RunGuards runGuards, ObjectMapper objectMapper,
            @Value("#{stepExecution.jobExecution.id}") long jobExecutionId,
            @Value("#{jobParameters['dryRun'] ?: 'false'}") String dryRun) {
        TransferSender sender = new TransferSender(ledger, new AttemptRecorder(ledger), initializer,
                runGuards.forExecution(jobExecutionId), objectMapper, jobExecutionId, ResumeTransferProcessor.STEP);
        return new ResumeTransferProcessor(ledger, sender, objectMapper, jobExecutionId, Boolean.parseBoolean(dryRun));
    }

    @Bean
    @StepScope
    TransferDefinitionReader transferDefinitionReader(@Value("#{jobParameters['input']}") String input) {
        TransferDefinitionReader reader = new TransferDefinitionReader(Path.of(input));
        reader.setName("transferDefinitionReader");
        return reader;
    }

    @Bean
    @StepScope
    InitializeTransferProcessor initializeTransferProcessor(LedgerRepository ledger,
            FilesProperties filesProperties, @Value("#{jobParameters['input']}") String input,
            @Value("#{stepExecution.jobExecution.id}") long jobExecutionId,
            @Value("#{jobParameters['dryRun'] ?: 'false'}") String dryRun) {
        return new InitializeTransferProcessor(new TransferDefinitionValidator(), ledger, new TransferRequestFactory(),
                new TransferFiles(filesProperties.baseDirFor(Path.of(input))), jobExecutionId,
                Boolean.parseBoolean(dryRun));
    }

    /** What the send steps of one execution share: the quota and stop signals. */
    @Bean
    RunGuards runGuards(FilemailProperties properties) {
        return new RunGuards(properties.retry().stopAfterConsecutiveFailures());
    }

    @Bean
    ExactlyOnceInitializer exactlyOnceInitializer(FilemailApi api, CallPolicy callPolicy, LedgerRepository ledger,
            Clock clock) {
        return new ExactlyOnceInitializer(api, callPolicy, new InDoubtReconciler(api, ledger), clock);
    }

    @Bean
    @StepScope
    InitializeProgressListener initializeProgressListener(TransferDefinitionReader transferDefinitionReader) {
        return new InitializeProgressListener(transferDefinitionReader, ProgressPrinter.forConsole());
    }

    @Bean
    ThreadPoolTaskExecutor filemailCallExecutor(BatchSettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.concurrency());
        executor.setMaxPoolSize(settings.concurrency());
        executor.setThreadNamePrefix("filemail-call-");
        // The calls' log lines carry the run and the step, as the step's own do.
        executor.setTaskDecorator(new MdcTaskDecorator());
        // Calls still out when the context closes (a step that ended abnormally) finish before it closes.
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(120);
        executor.initialize();
        return executor;
    }
}
