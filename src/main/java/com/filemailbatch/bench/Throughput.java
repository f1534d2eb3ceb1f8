package com.filemailbatch.bench;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Rows per second of one measured phase, and the CPU time this process spent per row meanwhile (the in-process
 * sandbox's share included, the same for both sides). On a busy machine the rate drops with the CPU share this
 * process gets; the CPU per row does not, so it compares the two sides fairly there.
 */
record Throughput(double rowsPerS, double cpuMsPerRow) {

    /**
     * The median of several measurements of the same work, rates and CPU per row each on its own (the mean of the
     * middle two for an even count): a pass that met a busy moment of the machine moves it less than a mean.
     */
    static Throughput median(List<Throughput> passes) {
        if (passes.isEmpty()) {
            throw new IllegalArgumentException("no passes");
        }
        return new Throughput(median(passes.stream().mapToDouble(Throughput::rowsPerS).sorted().toArray()),
                median(passes.stream().mapToDouble(Throughput::cpuMsPerRow).sorted().toArray()));
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The rates alone, in pass order. */
    static List<Double> rates(List<Throughput> passes) {
        return passes.stream().map(Throughput::rowsPerS).toList();
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
