package com.filemailbatch.support;

import com.filemailbatch.cleanup.CleanupJobParameters;
import com.filemailbatch.send.SendJobParameters;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Starts the application's jobs in a test context with the parameters the command line gives them, straight through
 * the job operator (no run lock, no recovery of abandoned runs: those have tests of their own), and returns the
 * finished execution. A bean of every {@link FilemailBatchTest} and {@link FilemailBatchPostgresTest} context.
 */
public class JobRuns {

    /** What the command line passes when no --stale-after is given. */
    public static final Duration STALE_AFTER = Duration.ofDays(1);

    private final JobOperator jobOperator;
    private final Job sendTransfersJob;
    private final Job cleanupStaleTransfersJob;

    public JobRuns(JobOperator jobOperator, @Qualifier("sendTransfersJob") Job sendTransfersJob,
            @Qualifier("cleanupStaleTransfersJob") Job cleanupStaleTransfersJob) {
        this.jobOperator = jobOperator;
        this.sendTransfersJob = sendTransfersJob;
        this.cleanupStaleTransfersJob = cleanupStaleTransfersJob;
    }

    /** sendTransfersJob on {@code input} for {@code runDate}. */
    public JobExecution send(Path input, LocalDate runDate) throws Exception {
        return send(input, runDate, false);
    }

    /** sendTransfersJob as {@code --dry-run}: an instance of its own beside the real run of the date. */
    public JobExecution sendDryRun(Path input, LocalDate runDate) throws Exception {
        return send(input, runDate, true);
    }

    /** cleanupStaleTransfersJob as of now, for transfers older than {@link #STALE_AFTER}. */
    public JobExecution cleanup(boolean dryRun) throws Exception {
        return cleanup(STALE_AFTER, dryRun);
    }

    /** cleanupStaleTransfersJob as of now: each cleanup is a new instance, as each launch of the command is. */
    public JobExecution cleanup(Duration staleAfter, boolean dryRun) throws Exception {
        return jobOperator.start(cleanupStaleTransfersJob, CleanupJobParameters.of(Instant.now(), staleAfter, dryRun));
    }

    /** The parameters {@link #send} starts with: what names that run, for example to stop it. */
    public static JobParameters sendParameters(Path input, LocalDate runDate) {
        return SendJobParameters.of(input, runDate, STALE_AFTER, false);
    }

    private JobExecution send(Path input, LocalDate runDate, boolean dryRun) throws Exception {
        return jobOperator.start(sendTransfersJob, SendJobParameters.of(input, runDate, STALE_AFTER, dryRun));
    }

    /**
     * Run dates of one test that reruns a file as a new job instance each time: the first, second, ... day of a
     * month. Make one per test instance (a field), so that every test starts again on the first.
     */
    public static final class Days {

        private final int year;
        private final int month;
        private int day;

        private Days(int year, int month) {
            this.year = year;
            this.month = month;
        }

        public static Days of(int year, int month) {
            return new Days(year, month);
        }

        public LocalDate next() {
            return LocalDate.of(year, month, ++day);
        }
    }
}
