package com.filemailbatch.bench;

import java.lang.management.ManagementFactory;

/**
 * Rows per second of one measured phase, and the CPU time this process spent per row meanwhile (the in-process
 * sandbox's share included, the same for both sides). On a busy machine the rate drops with the CPU share this
 * process gets; the CPU per row does not, so it compares the two sides fairly there.
 */
record Throughput(double rowsPerS, double cpuMsPerRow) {

    /** The mean of two measurements of the same work: rates and CPU per row alike. */
    static Throughput mean(Throughput first, Throughput second) {
        return new Throughput((first.rowsPerS + second.rowsPerS) / 2, (first.cpuMsPerRow + second.cpuMsPerRow) / 2);
    }

    /** Measures from construction to {@link #end}. */
    static final class Clock {

        private final long startNanos = System.nanoTime();
        private final long startCpu = processCpuNanos();

        Throughput end(long rows) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double cpuMs = (processCpuNanos() - startCpu) / 1e6;
            return new Throughput(rows / seconds, cpuMs / rows);
        }
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
