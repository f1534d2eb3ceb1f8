package com.filemailbatch.support;

/** Process ids for the liveness tests, which tell a crashed run from a running one by its process. */
public final class Processes {

    private Processes() {
    }

    /** A pid no process of this host has: the owner of a run that crashed. */
    public static long deadPid() {
        long pid = 4_000_000;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }
}
