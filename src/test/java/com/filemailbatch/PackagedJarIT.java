package com.filemailbatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.ledger.MasterKeySource;
import com.filemailbatch.ledger.TransferKeyCipher;
import com.filemailbatch.support.JarProcess;
import com.filemailbatch.support.JarProcess.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar as a new user meets it: a working directory holding only the sample data, no Filemail or
 * database settings in the environment, {@code java -jar} in a process of its own. Runs in failsafe after
 * {@code package}, which passes the jar as {@code filemail.batch.jar}.
 */
class PackagedJarIT {

    private static final long TIMEOUT_SECONDS = 120;
    private static final String SAMPLE = "sample-data/nightly-transfers.csv";
    private static final String REJECTIONS = "sample-data/with-rejections.csv";

    @TempDir
    Path work;

    @TempDir
    Path streams;

    private final JsonMapper json = JsonMapper.builder().build();
    /** A new user's shell: no Filemail or Spring settings in the environment. */
    private JarProcess.Launcher jar;

    @BeforeEach
    void copySampleData() throws IOException {
        jar = JarProcess.in(work, streams);
        Path source = Path.of("sample-data");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = work.resolve("sample-data").resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void aNewUserRunsTheSampleRunsItAgainAndReadsTheAuditTrail() throws Exception {
        // The README's first command (after the build), as a new user types it.
        Result first = jar.run(TIMEOUT_SECONDS, "run", "--input", SAMPLE, "--sandbox");

        assertThat(first.exit()).as(first.describe()).isZero();
        assertThat(first.err()).startsWith("SANDBOX: using the embedded Filemail stand-in at http://127.0.0.1:")
                .contains("nothing is sent to Filemail");
        assertThat(first.err().lines()).hasSize(1);
        assertThat(first.out()).startsWith("Run 1 of sendTransfersJob finished.");
        assertThat(first.out()).containsPattern("(?m)^  rows read +4$").containsPattern("(?m)^  initialized +4$")
                .containsPattern("(?m)^  rejected +0$").containsPattern("(?m)^  failed +0$")
                .contains("report: ./reports/sandbox/run-1.json").doesNotContain("rejected rows:");
        // The three rows with files are delivered end to end; the row without files is only initialized.
        assertThat(first.out()).containsPattern("(?m)^  completed +3$").containsPattern("(?m)^  bytes sent +\\d+$")
                .containsPattern("(?m)^    REPORT-WEEK-47  http://127\\.0\\.0\\.1:\\d+/d/\\w+$");

        JsonNode report = json.readTree(Files.readString(work.resolve("reports/sandbox/run-1.json")));
        assertThat(report.get("executionId").asLong()).isEqualTo(1);
        assertThat(report.get("jobName").asString()).isEqualTo("sendTransfersJob");
        assertThat(report.get("parameters").get("input").asString()).endsWith("/" + SAMPLE);
        assertThat(report.get("parameters").get("dryRun").asString()).isEqualTo("false");
        JsonNode summary = report.get("summary");
        assertThat(summary.get("rowsRead").asLong()).isEqualTo(4);
        assertThat(summary.get("initialized").asLong()).isEqualTo(4);
        assertThat(summary.get("rejected").asLong()).isZero();
        assertThat(summary.get("completed").asLong()).isEqualTo(3);
        long sampleBytes = 0;
        for (String file : List.of("invoice-0001.txt", "invoice-0002.txt", "report-week-47.txt", "Week 47 charts.csv")) {
            sampleBytes += Files.size(work.resolve("sample-data/files").resolve(file));
        }
        assertThat(summary.get("bytesSent").asLong()).isEqualTo(sampleBytes);
        assertThat(report.get("completedTransfers")).hasSize(3);
        assertThat(report.get("completedTransfers").get(0).get("reference").asString()).isEqualTo("INV-2026-0001");
        assertThat(report.get("completedTransfers").get(0).get("downloadUrl").asString()).contains("/d/");
        assertThat(work.resolve("reports/sandbox/run-1-rejected.csv")).doesNotExist();

        // A sandbox run keeps its own database, key and reports: nothing it "sent" counts as sent to Filemail.
        Path data = work.resolve("data/sandbox");
        assertThat(data.resolve("filemail-batch.mv.db")).isRegularFile();
        assertThat(data.resolve("master.key")).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("master.key"))))
                .isEqualTo("rw-------");

        Result rejections = jar.run(TIMEOUT_SECONDS, "run", "--input", REJECTIONS, "--sandbox");

        assertThat(rejections.exit()).as(rejections.describe()).isEqualTo(3);
        assertThat(rejections.out()).containsPattern("(?m)^  initialized +1$").containsPattern("(?m)^  rejected +3$")
                .contains("rejected rows: ./reports/sandbox/run-2-rejected.csv");
        assertThat(Files.readString(work.resolve("reports/sandbox/run-2-rejected.csv")).lines()).containsExactly(
                "line,reference,column,reason",
                "3,BAD-1,to,'not-an-email' is not an e-mail address",
                "4,BAD-2,subject,subject is required",
                "5,BAD-3,days,\"days must be -1 or a whole number of at least 1, got '0'\"");

        Result again = jar.run(TIMEOUT_SECONDS, "run", "--input", SAMPLE, "--sandbox");

        assertThat(again.exit()).as(again.describe()).isZero();
        assertThat(again.out()).contains("already completed (execution 1, ended ", "See: filemail-batch show 1");
        assertThat(again.err()).startsWith("SANDBOX: ").hasLineCount(1);

        Result realHistory = jar.run(TIMEOUT_SECONDS, "history");

        assertThat(realHistory.exit()).as(realHistory.describe()).isZero();
        assertThat(realHistory.out()).isEqualTo("No runs recorded yet." + System.lineSeparator());

        Result history = jar.run(TIMEOUT_SECONDS, "history", "--json", "--sandbox");

        assertThat(history.exit()).as(history.describe()).isZero();
        JsonNode runs = json.readTree(history.out());
        assertThat(runs.isArray()).isTrue();
        assertThat(runs.size()).isEqualTo(2);
        JsonNode run = runs.get(0);
        assertThat(run.get("executionId").asLong()).isEqualTo(2);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("exitCode").asString()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        assertThat(run.get("input").asString()).endsWith("/" + REJECTIONS);
        assertThat(run.get("outcomes").get("INITIALIZED").asLong()).isEqualTo(1);
        assertThat(run.get("outcomes").get("REJECTED").asLong()).isEqualTo(3);
        assertThat(runs.get(1).get("exitCode").asString()).isEqualTo("COMPLETED");

        Result show = jar.run(TIMEOUT_SECONDS, "show", "2", "--sandbox");

        assertThat(show.exit()).as(show.describe()).isZero();
        assertThat(show.out()).contains("Run 2 of sendTransfersJob: COMPLETED (exit code COMPLETED_WITH_PROBLEMS)",
                "line 3, column 'to': 'not-an-email' is not an e-mail address",
                "line 4, column 'subject': subject is required", "OK-1");
        assertThat(show.out()).doesNotContain("v1.");
        // Five starts on the same database file left no errors behind in an H2 trace file.
        Path trace = data.resolve("filemail-batch.trace.db");
        assertThat(trace).as(() -> Files.exists(trace) ? readQuietly(trace) : "").doesNotExist();

        // Five transfers: the three completed ones had their keys shredded as they became final; the two still
        // live (no files to upload) keep theirs. Sandbox keys are UUIDs, so no UUID at all may have been written.
        List<String> transferKeys = storedTransferKeys(data);
        assertThat(transferKeys).hasSize(2);
        String everythingWritten = first.out() + first.err() + rejections.out() + again.out() + history.out()
                + show.out() + Files.readString(data.resolve("filemail-batch.log"))
                + Files.readString(work.resolve("reports/sandbox/run-1.json"))
                + Files.readString(work.resolve("reports/sandbox/run-2.json"));
        for (String key : transferKeys) {
            assertThat(everythingWritten).doesNotContain(key);
        }
        assertThat(everythingWritten).doesNotContainPattern(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void helpAnswersWithoutStartingTheApplication() throws Exception {
        Result help = jar.run(TIMEOUT_SECONDS, "--help");

        assertThat(help.exit()).as(help.describe()).isZero();
        assertThat(help.out()).contains("Usage: filemail-batch", "run", "cleanup", "history", "show", "Exit codes:");
        assertThat(help.err()).isEmpty();
        assertThat(work.resolve("data")).doesNotExist();
    }

    @Test
    void aCsvWithAnUnknownColumnFailsWithOneLineNamingFileLineAndColumn() throws Exception {
        Path input = work.resolve("colours.csv");
        Files.writeString(input, "reference,subject,colour\r\nX-1,Hello,red\r\n", StandardCharsets.UTF_8);

        Result result = jar.run(TIMEOUT_SECONDS, "run", "--input", "colours.csv", "--sandbox");

        assertThat(result.exit()).as(result.describe()).isEqualTo(2);
        List<String> errors = result.err().lines().filter(line -> line.startsWith("error:")).toList();
        assertThat(errors).containsExactly("error: " + input.toAbsolutePath() + ": line 1: unknown column 'colour' "
                + "(known columns: reference, subject, to, message, password, days, notify, confirmation, files)");
        assertThat(result.err().lines().filter(line -> !line.startsWith("SANDBOX: ")).toList()).hasSize(2).last()
                .asString()
                .startsWith("Run 1 failed. Fix the input file and run the same command again.");
        assertThat(result.err()).doesNotContain("at com.", "Exception");
    }

    /** The transfer keys the ledger holds, decrypted as the application would: what must never be shown. */
    private static List<String> storedTransferKeys(Path data) throws Exception {
        TransferKeyCipher cipher = new TransferKeyCipher(MasterKeySource.fromKeyFile(data));
        List<String> keys = new ArrayList<>();
        try (Connection db = JarProcess.database(data);
                ResultSet rows = db.createStatement().executeQuery(
                        "SELECT reference, transfer_key_enc FROM transfer_ledger WHERE transfer_key_enc IS NOT NULL")) {
            while (rows.next()) {
                keys.add(cipher.decrypt(rows.getString(1), rows.getString(2)));
            }
        }
        assertThat(keys).allSatisfy(key -> assertThat(key).isNotBlank());
        return keys;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
