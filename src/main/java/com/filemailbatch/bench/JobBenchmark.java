package com.filemailbatch.bench;

import com.filemailbatch.FilemailBatchApplication;
import com.filemailbatch.send.SendJobParameters;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the real send job (H2 file ledger, default settings but the concurrency) and times one of its steps, from
 * the step's own start and end as the job repository records them (so the context's start-up is not counted, nor,
 * by waiting for the compiler to go quiet first, the compilation it leaves behind).
 */
final class JobBenchmark {

    private JobBenchmark() {
    }

    /** @return rows per second of initializeTransfersStep, and CPU per row over the whole job */
    static Throughput initialize(URI baseUrl, String apiKey, Path csv, int concurrency, Path workDir) throws Exception {
        try (ConfigurableApplicationContext context = context(baseUrl, apiKey, concurrency, workDir)) {
            CompilerQuiet.await();
            Throughput.Clock clock = new Throughput.Clock();
            StepExecution step = runJob(context, csv, "initializeTransfersStep");
            if (step.getWriteCount() != step.getReadCount()) {
                throw new IllegalStateException("the job did not finish every row: " + step);
            }
            double cpuMsPerRow = clock.end(step.getReadCount()).cpuMsPerRow();
            return new Throughput(step.getReadCount() / seconds(step), cpuMsPerRow);
        }
    }

    /**
     * One application context for several upload passes, as in production (one context per process): a context
     * per pass would load new classes each time, and the compiler would recompile them during every pass.
     */
    static final class UploadSession implements AutoCloseable {

        private final ConfigurableApplicationContext context;

        UploadSession(URI baseUrl, String apiKey, Path workDir) {
            this.context = context(baseUrl, apiKey, 1, workDir);
        }

        /**
         * Runs the job on {@code csv}, whose one row names {@code file} (initialize, upload in the default chunks,
         * complete), and times uploadTransfersStep.
         *
         * @return MB/s (10^6 bytes per second) of that step: the file's bytes over the step's duration; and CPU ms
         *         per MB over the whole job (its other steps are one row each)
         */
        Throughput upload(Path csv, Path file) throws Exception {
            CompilerQuiet.await();
            Throughput.Clock clock = new Throughput.Clock();
            StepExecution step = runJob(context, csv, "uploadTransfersStep");
            if (step.getReadCount() != 1 || step.getWriteCount() != 1) {
                throw new IllegalStateException("the job did not upload the benchmark file: " + step);
            }
            double megabytes = Files.size(file) / 1e6;
            return new Throughput(megabytes / seconds(step), clock.end(Math.round(megabytes)).cpuMsPerRow());
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private static ConfigurableApplicationContext context(URI baseUrl, String apiKey, int concurrency, Path workDir) {
        Path data = workDir.resolve("data");
        return new SpringApplicationBuilder(FilemailBatchApplication.class)
                .logStartupInfo(false)
                .run("--filemail.base-url=" + baseUrl, "--filemail.api-key=" + apiKey,
                        "--filemail.data-dir=" + data, "--filemail.reports-dir=" + workDir.resolve("reports"),
                        "--filemail.concurrency=" + concurrency,
                        "--spring.datasource.url=jdbc:h2:file:" + data.toAbsolutePath().resolve("filemail-batch")
                                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    private static StepExecution runJob(ConfigurableApplicationContext context, Path csv, String stepName)
            throws Exception {
        JobExecution execution = context.getBean(JobOperator.class).start(
                context.getBean("sendTransfersJob", Job.class),
                SendJobParameters.of(csv, LocalDate.now(), Duration.ofDays(1), false));
        return execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(stepName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the job ran no " + stepName + ": " + execution));
    }

    private static double seconds(StepExecution step) {
        return Duration.between(step.getStartTime(), step.getEndTime()).toNanos() / 1e9;
    }
}
