package com.filemailbatch.report;

import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.terminal.Visible;
import java.util.Locale;

/** The plain-text run summary printed at the end of every run. */
final class SummaryFormatter {

    static final int MAX_DOWNLOADS_SHOWN = 20;
    static final int MAX_REJECTIONS_SHOWN = 5;

    private SummaryFormatter() {
    }

    static String format(RunSummary s, String ending, String reportFile, String rejectedFile) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Run %d of %s%s %s.%n", s.executionId(), s.jobName(),
                s.dryRun() ? " (dry run: nothing was sent or cancelled)" : "", ending));
        if (s.jobName().equals("sendTransfersJob")) {
            if (s.resumed() > 0) {
                line(text, "earlier unsent", s.resumed());
            }
            line(text, "rows read", s.rowsRead());
            if (s.dryRun()) {
                line(text, "would send", s.wouldSend());
            } else {
                line(text, "initialized", s.initialized());
                if (s.adopted() > 0) {
                    line(text, "adopted", s.adopted());
                }
            }
            if (!s.dryRun()) {
                line(text, "completed", s.completed());
                text.append(String.format(Locale.ROOT, "  %-16s %,10d%n", "bytes sent", s.bytesSent()));
            }
            line(text, "already sent", s.alreadySent());
            if (s.duplicates() > 0) {
                line(text, "duplicates", s.duplicates());
            }
            line(text, "rejected", s.rejected());
        }
        if (s.dryRun()) {
            line(text, "would cancel", s.wouldCancel());
        } else {
            line(text, "cancelled", s.cancelled());
            if (s.foundCompleted() + s.foundExpired() > 0) {
                line(text, "found completed", s.foundCompleted());
                line(text, "found expired", s.foundExpired());
            }
        }
        line(text, "failed", s.failed());
        if (s.deferred() > 0) {
            line(text, "deferred (quota)", s.deferred());
        }
        text.append("  report: ").append(Visible.text(reportFile)).append(System.lineSeparator());
        if (s.rejected() > 0) {
            text.append("  rejected rows: ").append(Visible.text(rejectedFile)).append(System.lineSeparator());
        }
        return text.toString();
    }

    /**
     * Shown under the path of the rejected rows' file: why the first rows were rejected, so that the usual mistake
     * is seen without opening the file.
     *
     * @param first    the first rejected rows, in line order, at most {@link #MAX_REJECTIONS_SHOWN}
     * @param rejected how many rows were rejected in all
     */
    static String rejections(java.util.List<JournalEntry> first, long rejected) {
        StringBuilder text = new StringBuilder();
        for (JournalEntry entry : first) {
            // Column names and reasons quote the input file, which may hold anything.
            text.append("    line ").append(entry.sourceLine() == null ? "-" : entry.sourceLine().toString());
            if (entry.columnName() != null) {
                text.append(", column ").append(Visible.text(entry.columnName()));
            }
            text.append(": ").append(Visible.text(entry.reason())).append(System.lineSeparator());
        }
        if (rejected > first.size()) {
            text.append(String.format(Locale.ROOT, "    ... and %,d more in the file%n", rejected - first.size()));
        }
        return text.toString();
    }

    /** Shown after the summary: a run's first download links (all of them are in the report). */
    static String downloads(java.util.List<Delivery> deliveries) {
        StringBuilder text = new StringBuilder();
        int shown = Math.min(deliveries.size(), MAX_DOWNLOADS_SHOWN);
        if (shown > 0) {
            text.append("  download links:").append(System.lineSeparator());
        }
        for (Delivery delivery : deliveries.subList(0, shown)) {
            // The reference is the CSV's, the link Filemail's: neither is printed raw.
            text.append("    ").append(Visible.text(delivery.reference())).append("  ")
                    .append(Visible.text(delivery.downloadUrl()))
                    .append(System.lineSeparator());
        }
        if (deliveries.size() > shown) {
            text.append(String.format(Locale.ROOT, "    ... and %,d more in the report%n", deliveries.size() - shown));
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, long value) {
        text.append(String.format(Locale.ROOT, "  %-16s %,10d%n", label, value));
    }
}
