package com.filemailbatch.cleanup;

import com.filemailbatch.filemail.FilemailApi;
import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.ledger.LedgerEntry;
import com.filemailbatch.ledger.LedgerEntryReaders;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.liveness.RunOwnershipListener;
import com.filemailbatch.logging.RunLogContext;
import com.filemailbatch.report.FailedRunReportListener;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires {@code cancelStaleTransfersStep} (also the second step of sendTransfersJob) and
 * {@code cleanupStaleTransfersJob}, which runs it on its own.
 */
@Configuration(proxyBeanMethods = false)
class CleanupJobConfiguration {

    @Bean
    Job cleanupStaleTransfersJob(JobRepository jobRepository, Step cancelStaleTransfersStep, Step reportStep,
            FailedRunReportListener failedRunReportListener, RunOwnershipListener runOwnershipListener,
            RunLogContext runLogContext) {
        return new JobBuilder("cleanupStaleTransfersJob", jobRepository)
                .listener(runLogContext)
                .listener(runOwnershipListener)
                .listener(failedRunReportListener)
                .start(cancelStaleTransfersStep)
                .next(reportStep)
                .build();
    }

    @Bean
    Step cancelStaleTransfersStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcPagingItemReader<LedgerEntry> staleTransferReader,
            CancelStaleTransferProcessor cancelStaleTransferProcessor,
            ItemWriter<JournalEntry> runJournalWriter, RunLogContext runLogContext) {
        return new StepBuilder("cancelStaleTransfersStep", jobRepository)
                .<LedgerEntry, JournalEntry>chunk(50)
                .transactionManager(transactionManager)
                .reader(staleTransferReader)
                .processor(cancelStaleTransferProcessor)
                .writer(runJournalWriter)
                .listener(runLogContext)
                .build();
    }

    /**
     * Transfers initialized before the cut-off and never completed, or stuck in UPLOADING with no progress since the
     * cut-off, oldest first. Transfers this very execution created are left alone. With a {@code reference}
     * parameter: that one transfer, if it can be cancelled, whatever its age.
     */
    @Bean
    @StepScope
    JdbcPagingItemReader<LedgerEntry> staleTransferReader(DataSource dataSource, Clock clock,
            @Value("#{jobParameters['staleAfter'] ?: 'P1D'}") String staleAfter,
            @Value("#{jobParameters['reference']}") String reference,
            @Value("#{stepExecution.jobExecution.id}") long jobExecutionId) throws Exception {
        if (reference != null) {
            return LedgerEntryReaders.cancellable("staleTransferReader", dataSource, reference);
        }
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(Duration.parse(staleAfter)),
                ZoneOffset.UTC);
        return LedgerEntryReaders.stale("staleTransferReader", dataSource, cutoff, jobExecutionId);
    }

    @Bean
    @StepScope
    CancelStaleTransferProcessor cancelStaleTransferProcessor(LedgerRepository ledger, FilemailApi api,
            @Value("#{stepExecution.jobExecution.id}") long jobExecutionId,
            @Value("#{jobParameters['dryRun'] ?: 'false'}") String dryRun) {
        return new CancelStaleTransferProcessor(ledger, api, jobExecutionId, Boolean.parseBoolean(dryRun));
    }
}
