package com.filemailbatch;

/**
 * The exit codes of filemail-batch, as documented in the README: a contract with the scripts that run it, shared by
 * the command line, the outcome of a launch and serve's stop.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** The job failed; running the same command again resumes it. */
    public static final int JOB_FAILED = 2;
    /** The job completed, but some rows were rejected or failed. */
    public static final int COMPLETED_WITH_PROBLEMS = 3;
    /** verify-receipts: a receipt was altered or removed (sysexits EX_DATAERR). */
    public static final int RECEIPTS_BROKEN = 65;
    /**
     * Not started: another run of the same job is in progress (its lock is held, here or on another machine);
     * try again later (sysexits EX_TEMPFAIL). Also {@code recover} of an execution whose process is alive.
     */
    public static final int LOCKED = 75;
    /** The command line was wrong (sysexits EX_USAGE). */
    public static final int USAGE = 64;
    /** The configuration was wrong, e.g. no API key (sysexits EX_CONFIG). */
    public static final int CONFIG = 78;

    private ExitCodes() {
    }
}
