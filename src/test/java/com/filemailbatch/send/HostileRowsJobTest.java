package com.filemailbatch.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.settings.BatchSettings;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows that follow the documented rules, however large, are sent; rows just beyond a limit are rejected with their
 * line and column; nothing a row holds stops the run. The rows are generated from seeds (see {@link GeneratedRows});
 * a failure names the seed.
 */
@FilemailBatchTest
class HostileRowsJobTest {

    /** Fixed seeds, so that a run is repeatable; each is one generated input file. */
    private static final long[] SEEDS = {1, 7, 42, 1_000_003, 20_261_125};
    private static final int ROWS_PER_FILE = 10;

    @Autowired
    JobRuns jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    BatchSettings settings;

    @TempDir
    Path dir;

    private final JobRuns.Days days = JobRuns.Days.of(2026, 3);

    @BeforeEach
    void cleanSlate() {
        TestData.reset(jdbc, sandbox);
    }

    @TestFactory
    Stream<DynamicTest> everyGeneratedRowIsSentOrRejectedWithItsLineAndColumn() {
        List<String> pool = GeneratedRows.filePool(dir, 12);
        return java.util.Arrays.stream(SEEDS).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            GeneratedRows generator = new GeneratedRows(seed, dir, pool);
            List<GeneratedRows.Row> rows = new ArrayList<>();
            for (int i = 0; i < ROWS_PER_FILE; i++) {
                rows.add(i % 3 == 1 ? generator.justBeyond() : generator.valid());
            }
            runAndCheck("seed " + seed, dir.resolve("seed-" + seed + ".csv"), rows);
        }));
    }

    @Test
    void rowsAtTheLimitsWithManyRecipientsAndFilesAreSentAndTheRowsAfterThemToo() throws Exception {
        GeneratedRows generator = new GeneratedRows(0, dir, List.of());
        // Long paths rather than thousands of files: what the ledger must hold is the length of the column.
        String deep = String.join("/", java.util.Collections.nCopies(4, "d".repeat(200)));
        List<String> manyFiles = GeneratedRows.filePool(Files.createDirectories(dir.resolve(deep)), 120).stream()
                .map(name -> deep + "/" + name).toList();
        String tenThousand = IntStream.range(0, 10_000).mapToObj(i -> "recipient" + i + "@example.com")
                .collect(Collectors.joining(";"));
        String emoji = "\uD83D\uDE00".repeat(GeneratedRows.MAX_SUBJECT);
        List<GeneratedRows.Row> rows = List.of(
                row("\uD83D\uDCA9".repeat(GeneratedRows.MAX_REFERENCE), emoji, "", "", ""),
                row("R-many-recipients", "Many recipients", tenThousand, "", ""),
                row("R-many-files", "Many files", "", "", String.join(";", manyFiles)),
                row("R-long-message", "Long message", "", "\uD83D\uDE00".repeat(GeneratedRows.MAX_MESSAGE), ""),
                row("R-password", "Long password", "", "", "", generator.text(50_000, true)),
                row("R-beyond", "\uD83D\uDE00".repeat(GeneratedRows.MAX_SUBJECT + 1), "", "", "", "", "subject"),
                row("R-after", "After the others", "a@example.com", "", ""));

        runAndCheck("rows at the limits", dir.resolve("limits.csv"), rows);
    }

    @Test
    void aLongReasonFromFilemailRejectsTheRowAndTheRunGoesOn() throws Exception {
        sandbox.respondNext("POST", "/transfer/initialize", 400, "InvalidParameter", "\uD83D\uDE00".repeat(3000));
        Path input = TestData.csv(dir, "reason.csv", "reference,subject", "L-1,First", "L-2,Second");

        JobExecution execution = jobs.send(input, days.next());

        assertThat(execution.getStatus()).as(String.valueOf(execution.getAllFailureExceptions()))
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcomes(execution)).containsOnlyKeys(2L, 3L);
        assertThat(outcomes(execution).values()).containsExactlyInAnyOrder("REJECTED null", "INITIALIZED null");
        String reason = jdbc.queryForObject("SELECT reason FROM run_journal WHERE job_execution_id = ? "
                + "AND outcome = 'REJECTED'", String.class, execution.getId());
        // Cut on a character boundary: no half of a surrogate pair is left at the end.
        assertThat(Character.isHighSurrogate(reason.charAt(reason.length() - 4))).isFalse();
        assertThat(reason).endsWith("...");
    }

    @Test
    void anInputPathOfMoreThanTwoThousandCharactersIsRecorded() throws Exception {
        Path deep = dir;
        while (deep.toString().length() < 2600) {
            deep = deep.resolve("d".repeat(200));
        }
        Files.createDirectories(deep);
        Path input = TestData.csv(deep, "deep.csv", "reference,subject", "P-1,Deep");

        JobExecution execution = jobs.send(input, days.next());

        assertThat(execution.getStatus()).as(String.valueOf(execution.getAllFailureExceptions()))
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT source_file FROM transfer_ledger WHERE reference = 'P-1'",
                String.class)).isEqualTo(input.toString());
    }

    @Test
    void aRejectedRowsCellsNeverReachASpreadsheetAsFormulas() throws Exception {
        Path input = TestData.csv(dir, "formulas.csv", "reference,subject,days", "\"=cmd|' /C calc'!A0\",Equals,0", "+1+1,Plus,0", "-2+3,Minus,0",
                "@SUM(A1),At,0", "F-5,Fine,0");

        JobExecution execution = jobs.send(input, days.next());

        Path rejected = Path.of(settings.reportsDir()).resolve("run-" + execution.getId() + "-rejected.csv");
        List<String> cells = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().get()
                .parse(Files.newBufferedReader(rejected))) {
            parser.forEach(record -> cells.add(record.get("reference") + " | " + record.get("reason")));
        }
        assertThat(cells).containsExactlyInAnyOrder(
                "'=cmd|' /C calc'!A0 | days must be -1 or a whole number of at least 1, got '0'",
                "'+1+1 | days must be -1 or a whole number of at least 1, got '0'",
                "'-2+3 | days must be -1 or a whole number of at least 1, got '0'",
                "'@SUM(A1) | days must be -1 or a whole number of at least 1, got '0'",
                "F-5 | days must be -1 or a whole number of at least 1, got '0'");
    }

    @Test
    void aSecondRowWithTheSameReferenceAndOtherContentIsAConflictNamingBothLines() throws Exception {
        Path input = TestData.csv(dir, "conflict.csv", "reference,subject,to,password",
                "K-1,Same,a@example.com,one", "K-2,First,a@example.com,", "K-1,Same,a@example.com,two",
                "K-2,Second,a@example.com,", "K-3,After,b@example.com,");

        JobExecution execution = jobs.send(input, days.next());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        assertThat(outcomes(execution)).isEqualTo(Map.of(2L, "INITIALIZED null", 3L, "INITIALIZED null",
                4L, "DUPLICATE reference", 5L, "REJECTED reference", 6L, "INITIALIZED null"));
        assertThat(jdbc.queryForObject("SELECT reason FROM run_journal WHERE job_execution_id = ? AND source_line = 5",
                String.class, execution.getId()))
                .isEqualTo("the reference is also on line 3 with different content; one reference names one transfer");
        assertThat(sandbox.transfers()).extracting(SandboxTransfer::subject)
                .containsExactlyInAnyOrder("Same", "First", "After");
    }

    private static GeneratedRows.Row row(String reference, String subject, String to, String message, String files) {
        return row(reference, subject, to, message, files, "", null);
    }

    private static GeneratedRows.Row row(String reference, String subject, String to, String message, String files,
            String password) {
        return row(reference, subject, to, message, files, password, null);
    }

    private static GeneratedRows.Row row(String reference, String subject, String to, String message, String files,
            String password, String rejectedColumn) {
        return new GeneratedRows.Row(List.of(reference, subject, to, message, password, "", "", "", files),
                rejectedColumn, subject);
    }

    /** Runs the job on the rows and checks every row is accounted for at its line, and the run did not fail. */
    private void runAndCheck(String name, Path input, List<GeneratedRows.Row> rows) throws Exception {
        TestData.reset(jdbc, sandbox);
        List<Long> lines = GeneratedRows.write(input, rows);

        JobExecution execution = jobs.send(input, days.next());

        String about = name + " (" + input.getFileName() + ")";
        assertThat(execution.getStatus()).as(about + ": " + execution.getAllFailureExceptions())
                .isEqualTo(BatchStatus.COMPLETED);
        Map<Long, String> outcomes = outcomes(execution);
        Map<Long, String> expected = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String column = rows.get(i).rejectedColumn();
            String refused = filemailRefuses(rows.get(i));
            expected.put(lines.get(i), column != null ? "REJECTED " + column
                    : refused != null ? "REJECTED " + refused : "INITIALIZED null");
        }
        assertThat(outcomes).as(about + ": outcome and column per line").isEqualTo(expected);
        Set<String> sent = sandbox.transfers().stream().map(SandboxTransfer::subject).collect(Collectors.toSet());
        assertThat(sent).as(about + ": the subjects sent").containsExactlyInAnyOrderElementsOf(rows.stream()
                .filter(row -> row.rejectedColumn() == null && filemailRefuses(row) == null)
                .map(row -> row.subject().strip()).toList());
        assertThat(TestData.ledgerStatuses(jdbc).values()).as(about + ": ledger statuses")
                .doesNotContain("PENDING", "FAILED", "UPLOADING");
    }

    /**
     * The column Filemail refuses a row by, or null: it counts lengths in UTF-16 units, so a row within our rules
     * (which count characters) may still be refused when it holds characters outside the Basic Multilingual Plane.
     * The refusal is a row's rejection like any other, with its line and Filemail's column.
     */
    private static String filemailRefuses(GeneratedRows.Row row) {
        if (row.subject().strip().length() > GeneratedRows.MAX_SUBJECT) {
            return "subject";
        }
        String message = row.cells().get(3);
        return message.length() > GeneratedRows.MAX_MESSAGE ? "message" : null;
    }

    /** line -> "OUTCOME column" of the initialize step's journal. */
    private Map<Long, String> outcomes(JobExecution execution) {
        Map<Long, String> outcomes = new HashMap<>();
        jdbc.query("SELECT source_line, outcome, column_name FROM run_journal WHERE job_execution_id = ? "
                + "AND step_name = 'initializeTransfersStep'", rs -> {
                    String previous = outcomes.put(rs.getLong(1), rs.getString(2) + " " + rs.getString(3));
                    assertThat(previous).as("two journal entries for line " + rs.getLong(1)).isNull();
                }, execution.getId());
        return outcomes;
    }
}
