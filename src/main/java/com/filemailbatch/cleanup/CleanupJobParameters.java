package com.filemailbatch.cleanup;

import java.time.Duration;
import java.time.Instant;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** The job parameters of {@code cleanupStaleTransfersJob}: every cleanup is its own job instance. */
public final class CleanupJobParameters {

    public static final String REQUESTED_AT = "requestedAt";
    public static final String STALE_AFTER = "staleAfter";
    public static final String DRY_RUN = "dryRun";

    private CleanupJobParameters() {
    }

    public static JobParameters of(Instant requestedAt, Duration staleAfter, boolean dryRun) {
        return new JobParametersBuilder()
                .addString(REQUESTED_AT, requestedAt.toString(), true)
                .addString(DRY_RUN, Boolean.toString(dryRun), true)
                .addString(STALE_AFTER, staleAfter.toString(), false)
                .toJobParameters();
    }
}
