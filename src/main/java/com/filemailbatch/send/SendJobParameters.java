package com.filemailbatch.send;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters of {@code sendTransfersJob}. The input file, run date and dry-run flag identify the job
 * instance (so a date's nightly run happens once, and a dry run never uses up the real one); {@code staleAfter}
 * does not. No secret is ever a job parameter: they are stored in BATCH_JOB_EXECUTION_PARAMS.
 */
public final class SendJobParameters {

    public static final String INPUT = "input";
    public static final String RUN_DATE = "runDate";
    public static final String DRY_RUN = "dryRun";
    public static final String STALE_AFTER = "staleAfter";

    private SendJobParameters() {
    }

    public static final String REQUESTED_AT = "requestedAt";

    public static JobParameters of(Path input, LocalDate runDate, Duration staleAfter, boolean dryRun) {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(INPUT, input.toAbsolutePath().normalize().toString(), true)
                .addString(RUN_DATE, runDate.toString(), true)
                .addString(DRY_RUN, Boolean.toString(dryRun), true)
                .addString(STALE_AFTER, staleAfter.toString(), false);
        if (dryRun) {
            // Every dry run is an instance of its own: it can be repeated, and never counts as the date's run.
            parameters.addString(REQUESTED_AT, Instant.now().toString(), true);
        }
        return parameters.toJobParameters();
    }
}
