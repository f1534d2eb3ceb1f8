package com.filemailbatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.JarProcess;
import com.filemailbatch.support.JarProcess.Result;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exactly-once guarantee under crashes: the packaged jar is killed (SIGKILL) again and again at random instants
 * of a run (JVM start, CSV reading, sending, resuming), then the same command runs to the end. Every row must then
 * have exactly one live transfer at the API, recorded by exactly one ledger row. The sandbox lives in this JVM, so
 * it outlives every killed process and remembers every transfer any of them created.
 */
class CrashRecoveryIT {

    private static final int ROWS = 400;
    private static final int KILLS = 12;
    /** Slow enough answers that a kill lands mid-call and a run sends only a few dozen rows before its kill. */
    private static final Duration LATENCY = Duration.ofMillis(250);
    private static final long PROCESS_TIMEOUT_SECONDS = 180;
    private static final String JOB_LAUNCHED = "[name=sendTransfersJob]] launched";
    private static final String[] RUN = {"run", "--input", "transfers.csv", "--run-date", "2026-11-25"};

    /** Kept when a test fails: the ledger, the job history and the log are the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @TempDir
    Path streams;

    private JarProcess.Launcher jar;
    private FilemailSandbox sandbox;
    private long logOffset;

    @BeforeEach
    void startSandboxAndWriteInput() throws IOException {
        System.out.println("CrashRecoveryIT: working directory " + work);
        sandbox = FilemailSandbox.start();
        sandbox.setLatency(LATENCY);
        jar = JarProcess.in(work, streams).sandbox(sandbox)
                .environment("FILEMAIL_DATA_DIR", work.resolve("data").toString())
                .environment("FILEMAIL_REPORTS_DIR", work.resolve("reports").toString())
                .environment("FILEMAIL_RETRY_INITIAL_BACKOFF", "5ms")
                .environment("FILEMAIL_RETRY_MAX_BACKOFF", "20ms");
        StringBuilder csv = new StringBuilder("reference,subject,to\n");
        for (int row = 1; row <= ROWS; row++) {
            csv.append(String.format("CRASH-%04d,Crash recovery %04d,user%04d@example.com%n", row, row, row));
        }
        Files.writeString(work.resolve("transfers.csv"), csv, StandardCharsets.UTF_8);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void killedAgainAndAgainThenRunAgainEveryRowIsInitializedExactlyOnce() throws Exception {
        long began = System.nanoTime();
        Random random = new Random(20261125L);
        int kills = 0;
        int startupKills = 0;
        while (kills < KILLS) {
            JarProcess process = start();
            // About a third of the kills land while the JVM starts (context, Flyway, H2 recovering its file); the
            // rest at a random instant after the job launched: resuming in-doubt rows, reading, sending.
            boolean duringStartup = random.nextInt(3) == 0;
            if (duringStartup) {
                process.waitFor(Duration.ofMillis(300 + random.nextInt(6000)));
            } else if (awaitLogLine(process, JOB_LAUNCHED)) {
                process.waitFor(Duration.ofMillis(random.nextInt(3500)));
            }
            if (!process.isAlive()) {
                int exit = process.exitValue();
                assertThat(exit).as("a run that ended before its kill\n" + process.describe()).isZero();
                break;
            }
            process.kill();
            kills++;
            startupKills += duringStartup ? 1 : 0;
        }
        int killedAfter = sandbox.transfers().size();

        Result last = jar.run(PROCESS_TIMEOUT_SECONDS, RUN);

        assertThat(last.exit()).as(last.describe()).isZero();
        assertThat(kills).as("kills that hit a running process").isGreaterThanOrEqualTo(10);
        Tally tally = assertEveryRowInitializedExactlyOnce();
        assertLastRunCompleted();
        System.out.printf("CrashRecoveryIT: %d kills (%d during start-up), %d transfers created before the last run, "
                + "%d in all, %d duplicates cancelled, %d adopted, %d sent-list lookups, %d runs, %.1f s%n", kills,
                startupKills, killedAfter, sandbox.transfers().size(), tally.cancelled(), tally.adopted(),
                sentListLookups(), jar.launches(), (System.nanoTime() - began) / 1e9);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sigtermMidRunLeavesNoPendingRowAndTheSameCommandFinishesTheJob() throws Exception {
        JarProcess process = start();
        assertThat(awaitLogLine(process, JOB_LAUNCHED)).as("job launched\n" + process.describe()).isTrue();
        process.waitFor(Duration.ofMillis(1500));
        assertThat(process.isAlive()).as("still sending when SIGTERM comes\n" + process.describe()).isTrue();

        process.terminate();

        assertThat(process.waitFor(Duration.ofSeconds(PROCESS_TIMEOUT_SECONDS))).as("stopped after SIGTERM").isTrue();
        try (Connection db = ledgerDatabase()) {
            assertThat(queryLong(db, "SELECT COUNT(*) FROM transfer_ledger WHERE status = 'PENDING'"))
                    .as("rows left PENDING by the stopped run\n" + process.describe()).isZero();
        }

        Result last = jar.run(PROCESS_TIMEOUT_SECONDS, RUN);

        assertThat(last.exit()).as(last.describe()).isZero();
        assertEveryRowInitializedExactlyOnce();
        assertLastRunCompleted();
    }

    private record Tally(long cancelled, long adopted) {
    }

    private Tally assertEveryRowInitializedExactlyOnce() throws SQLException {
        Map<String, List<SandboxTransfer>> bySubject = sandbox.transfers().stream()
                .collect(Collectors.groupingBy(SandboxTransfer::subject, LinkedHashMap::new, Collectors.toList()));
        assertThat(bySubject).as("subjects with a transfer at the API").hasSize(ROWS);
        Map<String, String> liveIdBySubject = new HashMap<>();
        long cancelled = 0;
        for (Map.Entry<String, List<SandboxTransfer>> subject : bySubject.entrySet()) {
            List<SandboxTransfer> live = subject.getValue().stream()
                    .filter(transfer -> transfer.status() == SandboxTransfer.Status.INITIALIZED).toList();
            assertThat(live).as("live transfers of '%s': %s", subject.getKey(), subject.getValue()).hasSize(1);
            assertThat(subject.getValue()).as("transfers of '%s'", subject.getKey())
                    .allMatch(transfer -> transfer.status() == SandboxTransfer.Status.INITIALIZED
                            || transfer.status() == SandboxTransfer.Status.CANCELLED);
            cancelled += subject.getValue().size() - 1;
            liveIdBySubject.put(subject.getKey(), live.get(0).id());
        }
        try (Connection db = ledgerDatabase()) {
            List<String> ledgerIds = new ArrayList<>();
            try (ResultSet rows = db.createStatement()
                    .executeQuery("SELECT reference, subject, status, transfer_id FROM transfer_ledger")) {
                while (rows.next()) {
                    String reference = rows.getString(1);
                    assertThat(rows.getString(3)).as("status of %s", reference).isEqualTo("INITIALIZED");
                    assertThat(rows.getString(4)).as("transfer of %s (%s)", reference, rows.getString(2))
                            .isEqualTo(liveIdBySubject.get(rows.getString(2)));
                    ledgerIds.add(rows.getString(4));
                }
            }
            assertThat(ledgerIds).as("ledger rows").hasSize(ROWS).doesNotHaveDuplicates();
            long adopted = queryLong(db, "SELECT COUNT(*) FROM transfer_ledger WHERE last_error_status = 'ADOPTED'");
            return new Tally(cancelled, adopted);
        }
    }

    private void assertLastRunCompleted() throws SQLException {
        try (Connection db = ledgerDatabase();
                ResultSet last = db.createStatement().executeQuery("SELECT job_execution_id, status, exit_code "
                        + "FROM batch_job_execution ORDER BY job_execution_id DESC LIMIT 1")) {
            assertThat(last.next()).as("a recorded run").isTrue();
            assertThat(last.getString(2)).as("status of run %d", last.getLong(1)).isEqualTo("COMPLETED");
            assertThat(last.getString(3)).as("exit code of run %d", last.getLong(1)).isEqualTo("COMPLETED");
            assertThat(queryLong(db, "SELECT COUNT(*) FROM batch_job_execution WHERE status IN ('STARTING', "
                    + "'STARTED', 'STOPPING')")).as("runs the history still shows as running").isZero();
        }
    }

    /** Starts the run, remembering where the log ends: what follows is this launch's. */
    private JarProcess start() throws IOException {
        Path log = work.resolve("data/filemail-batch.log");
        logOffset = Files.exists(log) ? Files.size(log) : 0;
        return jar.start(RUN);
    }

    /** Waits until this launch's part of the log shows the line, or the process ends (bounded). */
    private boolean awaitLogLine(JarProcess process, String marker) throws InterruptedException {
        return process.await(() -> logSinceStart().contains(marker), Duration.ofSeconds(PROCESS_TIMEOUT_SECONDS));
    }

    private String logSinceStart() {
        Path log = work.resolve("data/filemail-batch.log");
        if (!Files.exists(log)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            if (file.length() <= logOffset) {
                return "";
            }
            byte[] bytes = new byte[(int) (file.length() - logOffset)];
            file.seek(logOffset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long sentListLookups() {
        return sandbox.requests().stream().filter(request -> request.path().startsWith("/transfer/sent")).count();
    }

    private Connection ledgerDatabase() throws SQLException {
        return JarProcess.database(work.resolve("data"));
    }

    private static long queryLong(Connection db, String sql) throws SQLException {
        try (ResultSet result = db.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
