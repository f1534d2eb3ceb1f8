package com.filemailbatch.report;

import com.filemailbatch.journal.Outcome;
import com.filemailbatch.journal.RunJournal;
import com.filemailbatch.storage.OwnerOnly;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code run-<id>.json}, the run's receipt (the summary, the run's non-secret parameters and every row's
 * outcome, chained to the receipt before it: see {@link ReceiptWriter}) and, when rows were rejected,
 * {@code run-<id>-rejected.csv} (line, reference, column, reason) into the reports directory. Files are written
 * beside their final name and moved into place, so a reader never sees half a report. The directory and the files
 * are the owner's only: they name recipients and hold download links.
 *
 * <p>Operators open the rejected rows in a spreadsheet, which runs a cell starting with {@code =}, {@code +},
 * {@code -} or {@code @} as a formula (and may fetch or run things with it): every cell that holds text from the
 * input or from Filemail is written with a leading {@code '} when it starts with one of those, a tab or a carriage
 * return, as OWASP's advice on CSV injection says. The spreadsheet shows the text as it was.
 */
final class RunReportWriter {

    private final Path reportsDir;
    private final RunJournal journal;
    private final Deliveries deliveries;
    private final ReceiptWriter receipts;

    RunReportWriter(Path reportsDir, RunJournal journal, Deliveries deliveries, ReceiptWriter receipts) {
        this.reportsDir = reportsDir;
        this.journal = journal;
        this.deliveries = deliveries;
        this.receipts = receipts;
    }

    Path reportFile(long executionId) {
        return reportsDir.resolve("run-" + executionId + ".json");
    }

    Path rejectedFile(long executionId) {
        return reportsDir.resolve("run-" + executionId + "-rejected.csv");
    }

    void write(RunSummary summary, Map<String, String> parameters) {
        try {
            OwnerOnly.directory(reportsDir);
            if (summary.rejected() > 0) {
                writeRejected(summary.executionId());
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("executionId", summary.executionId());
            report.put("jobName", summary.jobName());
            report.put("parameters", parameters);
            report.put("summary", summary);
            if (summary.rejected() > 0) {
                report.put("rejectedRows", rejectedFile(summary.executionId()).getFileName().toString());
            }
            // The transfers this run delivered, with their download links (never their keys).
            report.put("completedTransfers", deliveries.of(summary.executionId()));
            receipts.write(summary.executionId(), reportFile(summary.executionId()), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run report into " + reportsDir, e);
        }
    }

    private void writeRejected(long executionId) throws IOException {
        Path target = rejectedFile(executionId);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(OwnerOnly.newOutputStream(temp),
                StandardCharsets.UTF_8));
                CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader("line", "reference", "column", "reason").get()
                        .print(out)) {
            journal.forEach(executionId, Outcome.REJECTED, entry -> {
                try {
                    csv.printRecord(entry.sourceLine(), inert(entry.reference()), inert(entry.columnName()),
                            inert(entry.reason()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The cell with a leading {@code '} when a spreadsheet would read it as a formula. */
    static String inert(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
