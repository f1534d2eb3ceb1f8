package com.filemailbatch.cli;

/** The command line entry point (placeholder while the commands are written). */
public final class FilemailBatchCli {

    private FilemailBatchCli() {
    }

    public static int execute(String[] args) {
        return 0;
    }
}
