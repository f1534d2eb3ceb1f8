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

    /**
     * The name of the job definition that launched the run ({@code run --job}, serve, the dashboard): not part of the
     * run's identity, so a run keeps resuming however it is launched; the dashboard finds a definition's runs by it.
     */
    public static final String DEFINITION = "definition";

    public static JobParameters of(Path input, LocalDate runDate, Duration staleAfter, boolean dryRun) {
        return of(input, runDate, staleAfter, dryRun, null);
    }

    /** @param definition the job definition's name, or null for {@code run --input} */
    public static JobParameters of(Path input, LocalDate runDate, Duration staleAfter, boolean dryRun,
            String definition) {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(INPUT, input.toAbsolutePath().normalize().toString(), true)
                .addString(RUN_DATE, runDate.toString(), true)
                .addString(DRY_RUN, Boolean.toString(dryRun), true)
                .addString(STALE_AFTER, staleAfter.toString(), false);
        if (definition != null) {
            parameters.addString(DEFINITION, definition, false);
        }
        if (dryRun) {
            // Every dry run is an instance of its own: it can be repeated, and never counts as the date's run.
            parameters.addString(REQUESTED_AT, Instant.now().toString(), true);
        }
        return parameters.toJobParameters();
    }
}
