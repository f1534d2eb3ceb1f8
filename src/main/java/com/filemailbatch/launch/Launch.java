package com.filemailbatch.launch;

/**
 * How one launch ended, for the exit code, the inbox (archive, error or leave in place) and serve's counters.
 *
 * @param outcome     what happened
 * @param exitCode    the command's exit code for it
 * @param executionId the execution started or found, or null when none was
 * @param failure     why a failed run failed, as the user is told, or null
 */
public record Launch(Outcome outcome, int exitCode, Long executionId, String failure) {

    public Launch(Outcome outcome, int exitCode, Long executionId) {
        this(outcome, exitCode, executionId, null);
    }

    /** How a launch ended, from the job's status or why it did not start. */
    public enum Outcome {
        COMPLETED, COMPLETED_WITH_PROBLEMS, ALREADY_COMPLETE, STOPPED, FAILED,
        /** failed on its input file: no resume helps until the file is corrected */
        FAILED_INPUT,
        /** not started: another run of the same job holds the lock */
        SKIPPED_LOCKED,
        /** not started: this very run is still running in a live process */
        SKIPPED_RUNNING;

        /** A tag value for metrics: lower case. */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Not started: the lock or the run itself was taken. */
        public boolean skipped() {
            return this == SKIPPED_LOCKED || this == SKIPPED_RUNNING;
        }
    }
}
