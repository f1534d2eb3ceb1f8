package com.filemailbatch.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One cell of the start-up figure: how one way of starting ({@code start}) ran one command, over several cold starts.
 * Wall time is from the process's start to its end as this process saw them; CPU time is user + system time of the
 * process and everything it started (the launcher's own tools included), in seconds, or null where the system does
 * not tell it. The medians are the figure; every start is kept, in order.
 */
record StartupFigure(
        String start,
        String command,
        @JsonProperty("wall_s_median") double wallSMedian,
        @JsonProperty("cpu_s_median") Double cpuSMedian,
        @JsonProperty("wall_s") List<Double> wallS,
        @JsonProperty("cpu_s") List<Double> cpuS) {

    /** The figure of these starts; {@code cpuS} may hold nulls (not known), then the CPU median is null. */
    static StartupFigure of(String start, String command, List<Double> wallS, List<Double> cpuS) {
        if (wallS.isEmpty() || wallS.size() != cpuS.size()) {
            throw new IllegalArgumentException("one wall and one CPU time per start, at least one start");
        }
        boolean cpuKnown = cpuS.stream().allMatch(Objects::nonNull);
        return new StartupFigure(start, command, median(wallS), cpuKnown ? median(cpuS) : null, List.copyOf(wallS),
                cpuKnown ? List.copyOf(cpuS) : null);
    }

    /** The middle value; the mean of the middle two for an even count. */
    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** "4.01 s (CPU 7.49 s)", as the table shows it. */
    String cell() {
        return String.format(Locale.ROOT, "%.2f s (CPU %s)", wallSMedian,
                cpuSMedian == null ? "n/a" : String.format(Locale.ROOT, "%.2f s", cpuSMedian));
    }
}
