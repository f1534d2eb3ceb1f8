package com.filemailbatch.dashboard;

import com.filemailbatch.audit.RunRecord;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A definition's last nights as a small bar chart drawn by the server (SVG, no script): one bar a day, as tall as
 * that day's longest run, coloured by how its last run ended; a day without a run is a grey stub.
 */
public final class NightChart {

    static final int DAYS = 30;
    static final int BAR_WIDTH = 8;
    static final int GAP = 2;
    static final int HEIGHT = 40;

    private NightChart() {
    }

    /** One day's bar, in the chart's coordinates. */
    public record Bar(int x, int y, int height, String cssClass, String title, Long executionId) {
    }

    /** The chart's bars, oldest day first, and its width. */
    public record Chart(List<Bar> bars, int width, int height) {
    }

    public static Chart of(List<RunRecord> runs, LocalDate today) {
        Map<LocalDate, RunRecord> lastOfDay = new TreeMap<>();
        Map<LocalDate, Long> longestOfDay = new TreeMap<>();
        long longest = 1;
        for (RunRecord run : runs) {
            if (run.startTime() == null) {
                continue;
            }
            LocalDate day = run.startTime().toLocalDate();
            RunRecord before = lastOfDay.get(day);
            if (before == null || before.executionId() < run.executionId()) {
                lastOfDay.put(day, run);
            }
            long seconds = Duration.between(run.startTime(), run.endTime() == null ? LocalDateTime.now()
                    : run.endTime()).toSeconds();
            longestOfDay.merge(day, seconds, Math::max);
            longest = Math.max(longest, seconds);
        }
        List<Bar> bars = new ArrayList<>(DAYS);
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = today.minusDays(DAYS - 1 - i);
            int x = i * (BAR_WIDTH + GAP);
            RunRecord run = lastOfDay.get(day);
            if (run == null) {
                bars.add(new Bar(x, HEIGHT - 2, 2, "bar none", day + ": no run", null));
                continue;
            }
            long seconds = longestOfDay.get(day);
            int height = (int) Math.max(4, Math.round((double) seconds / longest * HEIGHT));
            String ended = run.exitCode() == null ? run.status() : run.exitCode();
            bars.add(new Bar(x, HEIGHT - height, height, "bar " + cssClass(ended), day + ": run "
                    + run.executionId() + " " + ended + ", " + seconds + " s", run.executionId()));
        }
        return new Chart(bars, DAYS * (BAR_WIDTH + GAP), HEIGHT);
    }

    private static String cssClass(String ended) {
        return switch (ended) {
            case "COMPLETED" -> "ok";
            case "COMPLETED_WITH_PROBLEMS" -> "problems";
            case "STARTED", "STARTING", "STOPPING", "EXECUTING", "UNKNOWN" -> "running";
            default -> "failed";
        };
    }
}
