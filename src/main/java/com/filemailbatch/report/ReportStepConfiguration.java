package com.filemailbatch.report;

import com.filemailbatch.journal.RunJournal;
import com.filemailbatch.ledger.RunTransfers;
import com.filemailbatch.logging.RunLogContext;
import com.filemailbatch.settings.BatchSettings;
import java.nio.file.Path;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.ObjectMapper;

/** Wires {@code reportStep}, the last step of both jobs, and the report of runs that end before it. */
@Configuration(proxyBeanMethods = false)
class ReportStepConfiguration {

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReportTasklet reportTasklet, RunLogContext runLogContext) {
        return new StepBuilder("reportStep", jobRepository)
                .tasklet(reportTasklet, transactionManager)
                .listener(runLogContext)
                .build();
    }

    @Bean
    ReportTasklet reportTasklet(RunReporter runReporter) {
        return new ReportTasklet(runReporter);
    }

    @Bean
    FailedRunReportListener failedRunReportListener(RunReporter runReporter) {
        return new FailedRunReportListener(runReporter);
    }

    @Bean
    RunSummaries runSummaries() {
        return new RunSummaries();
    }

    @Bean
    RunReporter runReporter(RunJournal journal, RunTransfers runTransfers, BatchSettings settings,
            ObjectMapper objectMapper, ReceiptChain receiptChain, RunSummaries runSummaries) {
        ReceiptWriter receipts = new ReceiptWriter(receiptChain, journal, objectMapper);
        Deliveries deliveries = new Deliveries(journal, runTransfers);
        return new RunReporter(journal, deliveries, new RunReportWriter(Path.of(settings.reportsDir()), journal,
                deliveries, receipts), runSummaries);
    }

    @Bean
    ReceiptChain receiptChain(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager) {
        return new ReceiptChain(jdbcTemplate, transactionManager);
    }

    @Bean
    ReceiptVerifier receiptVerifier(ReceiptChain receiptChain, ObjectMapper objectMapper) {
        return new ReceiptVerifier(receiptChain, objectMapper);
    }
}
