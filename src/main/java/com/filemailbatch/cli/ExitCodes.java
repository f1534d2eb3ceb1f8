package com.filemailbatch.cli;

/** The command's exit codes, as documented in the README. */
final class ExitCodes {

    static final int OK = 0;
    /** The job failed; running the same command again resumes it. */
    static final int JOB_FAILED = 2;
    /** The job completed, but some rows were rejected or failed. */
    static final int COMPLETED_WITH_PROBLEMS = 3;
    /** verify-receipts: a receipt was altered or removed (sysexits EX_DATAERR). */
    static final int RECEIPTS_BROKEN = 65;
    /**
     * Not started: another run of the same job is in progress (its lock is held, here or on another machine);
     * try again later (sysexits EX_TEMPFAIL). Also {@code recover} of an execution whose process is alive.
     */
    static final int LOCKED = 75;
    /** The command line was wrong (sysexits EX_USAGE). */
    static final int USAGE = 64;
    /** The configuration was wrong, e.g. no API key (sysexits EX_CONFIG). */
    static final int CONFIG = 78;

    private ExitCodes() {
    }
}
