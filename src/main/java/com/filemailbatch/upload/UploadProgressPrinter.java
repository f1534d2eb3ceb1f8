package com.filemailbatch.upload;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows how far the uploads of a run are: bytes sent of the bytes planned so far, a line at most every
 * {@code interval} (often on a terminal, seldom in a log). Thread-safe: every upload thread reports to it.
 */
final class UploadProgressPrinter {

    private static final double MIB = 1024.0 * 1024.0;
    /** Uploads smaller than this end before a progress line would help: nothing is printed for them. */
    private static final long WORTH_SHOWING = 64L * 1024 * 1024;

    private final PrintStream out;
    private final long intervalNanos;
    private final AtomicLong planned = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private long lastPrintedAt = System.nanoTime();

    UploadProgressPrinter(PrintStream out, Duration interval) {
        this.out = out;
        this.intervalNanos = interval.toNanos();
    }

    static UploadProgressPrinter forConsole() {
        boolean terminal = System.console() != null;
        return new UploadProgressPrinter(System.err, terminal ? Duration.ofSeconds(1) : Duration.ofSeconds(10));
    }

    /** A transfer's upload begins: its bytes already sent (by an earlier run) count as sent. */
    void planned(long total, long alreadySent) {
        planned.addAndGet(total);
        sent.addAndGet(alreadySent);
    }

    void sent(long bytes) {
        long now = System.nanoTime();
        long done = sent.addAndGet(bytes);
        if (planned.get() < WORTH_SHOWING) {
            return;
        }
        synchronized (this) {
            if (now - lastPrintedAt < intervalNanos) {
                return;
            }
            lastPrintedAt = now;
        }
        out.println(line(done, planned.get()));
        out.flush();
    }

    static String line(long sent, long planned) {
        int percent = planned == 0 ? 100 : (int) (100 * sent / planned);
        return String.format(Locale.ROOT, "uploaded %,.1f MiB of %,.1f MiB (%d%%)", sent / MIB, planned / MIB,
                percent);
    }
}
