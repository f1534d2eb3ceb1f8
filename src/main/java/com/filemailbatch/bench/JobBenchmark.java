package com.filemailbatch.bench;

import com.filemailbatch.FilemailBatchApplication;
import com.filemailbatch.send.SendJobParameters;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs the real send job (H2 file ledger, default settings but the concurrency) and times its initialize step. */
final class JobBenchmark {

    private JobBenchmark() {
    }

    /** @return rows per second of initializeTransfersStep, and CPU per row over the whole job */
    static Throughput initialize(URI baseUrl, String apiKey, Path csv, int concurrency, Path workDir) throws Exception {
        Path data = workDir.resolve("data");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FilemailBatchApplication.class)
                .logStartupInfo(false)
                .run("--filemail.base-url=" + baseUrl, "--filemail.api-key=" + apiKey,
                        "--filemail.data-dir=" + data, "--filemail.reports-dir=" + workDir.resolve("reports"),
                        "--filemail.concurrency=" + concurrency,
                        "--spring.datasource.url=jdbc:h2:file:" + data.toAbsolutePath().resolve("filemail-batch")
                                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE")) {
            Throughput.Clock clock = new Throughput.Clock();
            JobExecution execution = context.getBean(JobOperator.class).start(
                    context.getBean("sendTransfersJob", Job.class),
                    SendJobParameters.of(csv, LocalDate.now(), Duration.ofDays(1), false));
            StepExecution step = execution.getStepExecutions().stream()
                    .filter(s -> s.getStepName().equals("initializeTransfersStep")).findFirst().orElseThrow();
            if (step.getWriteCount() != step.getReadCount()) {
                throw new IllegalStateException("the job did not finish every row: " + step);
            }
            double cpuMsPerRow = clock.end(step.getReadCount()).cpuMsPerRow();
            double seconds = Duration.between(step.getStartTime(), step.getEndTime()).toNanos() / 1e9;
            return new Throughput(step.getReadCount() / seconds, cpuMsPerRow);
        }
    }
}
