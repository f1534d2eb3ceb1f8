package com.filemailbatch.send;

import com.filemailbatch.csv.TransferDefinition;
import com.filemailbatch.csv.TransferDefinitionReader;
import com.filemailbatch.csv.TransferDefinitionValidator;
import com.filemailbatch.filemail.FilemailApi;
import com.filemailbatch.filemail.FilemailProperties;
import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.report.FailedRunReportListener;
import java.nio.file.Path;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires {@code sendTransfersJob}: initialize the CSV's transfers, cancel stale ones, report. */
@Configuration(proxyBeanMethods = false)
class SendTransfersJobConfiguration {

    @Bean
    Job sendTransfersJob(JobRepository jobRepository, Step initializeTransfersStep, Step cancelStaleTransfersStep,
            Step reportStep, FailedRunReportListener failedRunReportListener) {
        return new JobBuilder("sendTransfersJob", jobRepository)
                .listener(failedRunReportListener)
                .start(initializeTransfersStep)
                .next(cancelStaleTransfersStep)
                .next(reportStep)
                .build();
    }

    /** Chunk-oriented; the executor makes item processing (the API calls) concurrent while reading stays ordered. */
    @Bean
    Step initializeTransfersStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            TransferDefinitionReader transferDefinitionReader, InitializeTransferProcessor initializeTransferProcessor,
            JdbcBatchItemWriter<JournalEntry> runJournalWriter, AsyncTaskExecutor filemailCallExecutor,
            InitializeProgressListener initializeProgressListener, FilemailProperties properties) {
        return new StepBuilder("initializeTransfersStep", jobRepository)
                .<TransferDefinition, JournalEntry>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(transferDefinitionReader)
                .processor(initializeTransferProcessor)
                .writer(runJournalWriter)
                .taskExecutor(filemailCallExecutor)
                .listener(initializeProgressListener)
                .build();
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
    InitializeTransferProcessor initializeTransferProcessor(LedgerRepository ledger, FilemailApi api,
            @Value("#{stepExecution.jobExecution.id}") long jobExecutionId,
            @Value("#{jobParameters['dryRun'] ?: 'false'}") String dryRun) {
        return new InitializeTransferProcessor(new TransferDefinitionValidator(), ledger, api,
                new TransferRequestFactory(), jobExecutionId, Boolean.parseBoolean(dryRun));
    }

    @Bean
    @StepScope
    InitializeProgressListener initializeProgressListener(TransferDefinitionReader transferDefinitionReader) {
        return new InitializeProgressListener(transferDefinitionReader, ProgressPrinter.forConsole());
    }

    @Bean
    AsyncTaskExecutor filemailCallExecutor(FilemailProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.concurrency());
        executor.setMaxPoolSize(properties.concurrency());
        executor.setThreadNamePrefix("filemail-call-");
        executor.initialize();
        return executor;
    }
}
