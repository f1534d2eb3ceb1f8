package com.filemailbatch.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Waits for the JIT compiler to go quiet before a measured pass. Starting the job's application context loads many
 * classes, and the compiler threads work through them for seconds afterwards, on the same cores as the pass, far
 * longer for the job than for the plain client. Start-up is not part of either figure, so neither is its
 * compilation backlog.
 */
final class CompilerQuiet {

    private static final long POLL_MS = 200;
    /** Quiet means no compilation time added over this many polls in a row. */
    private static final int QUIET_POLLS = 3;
    private static final long MAX_WAIT_MS = 20_000;

    private CompilerQuiet() {
    }

    /** @return milliseconds waited (at most {@link #MAX_WAIT_MS}, then the pass runs anyway) */
    static long await() throws InterruptedException {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return 0;
        }
        long started = System.nanoTime();
        long last = compiler.getTotalCompilationTime();
        int quiet = 0;
        while (quiet < QUIET_POLLS && (System.nanoTime() - started) / 1_000_000 < MAX_WAIT_MS) {
            Thread.sleep(POLL_MS);
            long now = compiler.getTotalCompilationTime();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
