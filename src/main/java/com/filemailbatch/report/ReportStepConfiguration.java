package com.filemailbatch.report;

import com.filemailbatch.filemail.FilemailProperties;
import com.filemailbatch.journal.RunJournal;
import java.nio.file.Path;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.ObjectMapper;

/** Wires {@code reportStep}, the last step of both jobs. */
@Configuration(proxyBeanMethods = false)
class ReportStepConfiguration {

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReportTasklet reportTasklet) {
        return new StepBuilder("reportStep", jobRepository)
                .tasklet(reportTasklet, transactionManager)
                .build();
    }

    @Bean
    ReportTasklet reportTasklet(RunJournal journal, FilemailProperties properties, ObjectMapper objectMapper) {
        return new ReportTasklet(journal, new RunReportWriter(Path.of(properties.reportsDir()), journal, objectMapper),
                System.out);
    }
}
