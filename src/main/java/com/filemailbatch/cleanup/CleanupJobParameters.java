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
    /** Cancel this one transfer, whatever its age, instead of the stale ones (the dashboard's cancel). */
    public static final String REFERENCE = "reference";
    /** As {@link com.filemailbatch.send.SendJobParameters#DEFINITION}. */
    public static final String DEFINITION = "definition";

    private CleanupJobParameters() {
    }

    public static JobParameters of(Instant requestedAt, Duration staleAfter, boolean dryRun) {
        return of(requestedAt, staleAfter, dryRun, null, null);
    }

    /**
     * @param definition the job definition's name, or null
     * @param reference  the one transfer to cancel, or null for every stale one
     */
    public static JobParameters of(Instant requestedAt, Duration staleAfter, boolean dryRun, String definition,
            String reference) {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(REQUESTED_AT, requestedAt.toString(), true)
                .addString(DRY_RUN, Boolean.toString(dryRun), true)
                .addString(STALE_AFTER, staleAfter.toString(), false);
        if (definition != null) {
            parameters.addString(DEFINITION, definition, false);
        }
        if (reference != null) {
            parameters.addString(REFERENCE, reference, true);
        }
        return parameters.toJobParameters();
    }
}
