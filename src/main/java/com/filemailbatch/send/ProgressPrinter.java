package com.filemailbatch.send;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how far a long step is: on a terminal one line rewritten in place; otherwise (cron, CI, a pipe) a plain
 * line every {@code interval}, so logs stay readable.
 */
final class ProgressPrinter {

    private final PrintStream out;
    private final boolean live;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long startedAt = -1;
    private long lastPrintedAt;
    private boolean printedAny;

    ProgressPrinter(PrintStream out, boolean live, Duration interval, LongSupplier nanoClock) {
        this.out = out;
        this.live = live;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    static ProgressPrinter forConsole() {
        boolean terminal = System.console() != null;
        return new ProgressPrinter(System.err, terminal, terminal ? Duration.ofMillis(200) : Duration.ofSeconds(10),
                System::nanoTime);
    }

    /** Called after every chunk; prints only when the interval has passed. */
    void update(long done, long total, long doneAtStart) {
        long now = nanoClock.getAsLong();
        if (startedAt < 0) {
            startedAt = now;
            lastPrintedAt = now;
            return;
        }
        if (now - lastPrintedAt < intervalNanos) {
            return;
        }
        lastPrintedAt = now;
        print(line(done, total, doneAtStart, now), false);
    }

    /** Closes the progress display; a run short enough to need no progress line gets none at the end either. */
    void finish(long done, long total, long doneAtStart) {
        if (!printedAny) {
            return;
        }
        print(line(done, total, doneAtStart, nanoClock.getAsLong()), true);
    }

    private void print(String line, boolean last) {
        printedAny = true;
        if (live) {
            out.print("\r" + line + (last ? System.lineSeparator() : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String line(long done, long total, long doneAtStart, long elapsedNanos, long startNanos) {
        double seconds = Math.max(1e-9, (elapsedNanos - startNanos) / 1e9);
        double rate = (done - doneAtStart) / seconds;
        String left = rate > 0 && total > done ? format(Duration.ofSeconds((long) ((total - done) / rate))) : "-";
        int percent = total == 0 ? 100 : (int) (100 * done / total);
        return String.format(Locale.ROOT, "rows %,d of %,d (%d%%), %.1f rows/s, time left %s", done, total, percent,
                rate, left);
    }

    private String line(long done, long total, long doneAtStart, long now) {
        return line(done, total, doneAtStart, now, startedAt);
    }

    private static String format(Duration d) {
        long h = d.toHours();
        return h > 0 ? String.format(Locale.ROOT, "%dh%02dm", h, d.toMinutesPart())
                : String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
