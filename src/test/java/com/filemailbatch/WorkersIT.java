package com.filemailbatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.RecordedRequest;
import com.filemailbatch.sandbox.SandboxFile;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.JarProcess;
import com.filemailbatch.support.PostgresContextInitializer.PostgresServer;
import com.filemailbatch.support.RabbitMqServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads spread over workers, every process the packaged jar as an operator runs it: a manager ({@code run} with
 * {@code FILEMAIL_WORKERS_ENABLED=true}) and three {@code worker} processes, on the machine's RabbitMQ
 * (127.0.0.1:5672) and a new PostgreSQL database; Filemail is the stand-in in this JVM, so it outlives any process
 * and counts every chunk each one sent. One worker is killed (SIGKILL) in the middle of a partition.
 */
@EnabledIf(value = "servicesRunning", disabledReason = "no PostgreSQL or no RabbitMQ on this machine")
class WorkersIT {

    private static final int MIB = 1024 * 1024;
    private static final int TRANSFERS = 6;
    /** Three 5 MiB chunks and a bit: a partition takes several chunk requests, so the kill lands inside one. */
    private static final int FILE_SIZE = 3 * 5 * MIB + 4321;
    private static final long PROCESS_TIMEOUT_SECONDS = 240;

    /** Kept when a test fails: the logs of every process are the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @TempDir
    Path streams;

    private FilemailSandbox sandbox;
    private String databaseUrl;
    private final List<JarProcess> workers = new ArrayList<>();

    static boolean servicesRunning() {
        return RabbitMqServer.available() && PostgresServer.available();
    }

    @BeforeEach
    void start() {
        sandbox = FilemailSandbox.start();
        databaseUrl = PostgresServer.newDatabase();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (JarProcess worker : workers) {
            if (worker.isAlive()) {
                worker.kill();
            }
        }
        sandbox.close();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void threeWorkersDeliverEveryFileIntactWhenOneIsKilledInTheMiddleOfAPartition() throws Exception {
        Map<String, Path> files = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("reference,subject,to,files\n");
        for (int i = 1; i <= TRANSFERS; i++) {
            Path file = work.resolve("files/part-" + i + ".bin");
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[FILE_SIZE];
            new Random(i).nextBytes(bytes);
            Files.write(file, bytes);
            files.put("WK-" + i, file);
            csv.append("WK-").append(i).append(",Worker delivery ").append(i).append(",ann@example.com,files/part-")
                    .append(i).append(".bin\n");
        }
        Files.writeString(work.resolve("workers.csv"), csv);
        // Slow chunks: a partition lasts seconds, long enough to kill its worker in the middle of it.
        sandbox.setLatency(Duration.ofMillis(400));
        String queue = "filemail-batch.it." + UUID.randomUUID();
        for (String name : List.of("w1", "w2", "w3")) {
            workers.add(launcher(queue, name).start("worker", "--name", name));
        }

        JarProcess manager = launcher(queue, "manager").environment("FILEMAIL_WORKERS_ENABLED", "true")
                .start("run", "--input", "workers.csv", "--run-date", "2026-11-25");

        // The victim: the first worker seen in the middle of a partition, with a chunk of it recorded.
        String[] victim = new String[1];
        boolean caught = manager.await(() -> {
            victim[0] = query("SELECT p.worker FROM upload_partition p WHERE p.state = 'RUNNING' AND EXISTS ("
                    + "SELECT 1 FROM transfer_upload_progress u JOIN transfer_ledger l ON l.id = u.ledger_id "
                    + "WHERE l.status = 'UPLOADING' AND u.next_chunk >= 1) FETCH FIRST 1 ROWS ONLY");
            return victim[0] != null;
        }, Duration.ofSeconds(PROCESS_TIMEOUT_SECONDS));
        if (!caught) {
            fail("no worker was seen in the middle of a partition\n" + manager.describe() + describeWorkers());
        }
        JarProcess killed = workers.get(List.of("w1", "w2", "w3").indexOf(victim[0]));
        String partition = query("SELECT partition_name FROM upload_partition WHERE worker = '" + victim[0]
                + "' AND state = 'RUNNING'");
        killed.kill();

        int exit = manager.awaitExit(PROCESS_TIMEOUT_SECONDS);

        assertThat(exit).as(manager.describe() + describeWorkers()).isZero();
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            ResultSet statuses = sql.executeQuery("SELECT reference, status FROM transfer_ledger ORDER BY reference");
            Map<String, String> byReference = new LinkedHashMap<>();
            while (statuses.next()) {
                byReference.put(statuses.getString(1), statuses.getString(2));
            }
            assertThat(byReference).hasSize(TRANSFERS).allSatisfy((reference, status) ->
                    assertThat(status).as(reference).isEqualTo("COMPLETED"));
        }
        for (Map.Entry<String, Path> file : files.entrySet()) {
            SandboxTransfer transfer = transferOf(file.getKey());
            assertThat(transfer.status()).isEqualTo(SandboxTransfer.Status.COMPLETED);
            assertThat(transfer.files()).singleElement().extracting(SandboxFile::sha256)
                    .as("bytes received for %s", file.getKey()).isEqualTo(sha256(file.getValue()));
        }
        // The killed worker's partition was taken over by another worker, which finished it.
        assertThat(query("SELECT worker FROM upload_partition WHERE partition_name = '" + partition + "'"))
                .isIn("w1", "w2", "w3").isNotEqualTo(victim[0]);
        assertThat(query("SELECT attempts FROM upload_partition WHERE partition_name = '" + partition + "'"))
                .isEqualTo("2");
        assertThat(query("SELECT COUNT(*) FROM upload_partition WHERE state <> 'ENDED' OR outcome <> 'COMPLETED'"))
                .isEqualTo("0");
        // At most the chunk in flight at the kill was sent twice (one transfer at a time, one file at a time).
        int chunksPerFile = 4;
        assertThat(acceptedChunkSends()).isBetween(TRANSFERS * chunksPerFile, TRANSFERS * chunksPerFile + 1);
        for (JarProcess worker : workers) {
            if (worker != killed) {
                assertThat(worker.isAlive()).as(worker.describe()).isTrue();
            }
        }
        System.out.printf("WorkersIT: killed %s in partition %s; %d chunk sends for %d chunks%n", victim[0],
                partition, acceptedChunkSends(), TRANSFERS * chunksPerFile);
    }

    /** The jar with the shared database, master key, broker queue and stand-in; a data directory per process. */
    private JarProcess.Launcher launcher(String queue, String process) {
        return JarProcess.in(work, streams).sandbox(sandbox)
                .environment("SPRING_DATASOURCE_URL", databaseUrl)
                .environment("SPRING_DATASOURCE_USERNAME", PostgresServer.user())
                .environment("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "6")
                .environment("FILEMAIL_BATCH_SECRET", "workers-it-shared-master-secret-0123456789")
                .environment("FILEMAIL_DATA_DIR", work.resolve("data-" + process).toString())
                .environment("FILEMAIL_REPORTS_DIR", work.resolve("reports-" + process).toString())
                .environment("FILEMAIL_FILES_BASEDIR", work.toString())
                .environment("FILEMAIL_CONCURRENCY", "1")
                .environment("FILEMAIL_UPLOAD_PARALLELFILES", "1")
                .environment("FILEMAIL_UPLOAD_CHUNKSIZE", "5MB")
                .environment("FILEMAIL_WORKERS_QUEUE", queue)
                .environment("FILEMAIL_WORKERS_PARTITIONS", String.valueOf(TRANSFERS))
                .environment("FILEMAIL_WORKERS_POLLINTERVAL", "200ms")
                .environment("FILEMAIL_WORKERS_HEARTBEAT", "500ms")
                .environment("FILEMAIL_WORKERS_LOSTAFTER", "3s")
                .environment("FILEMAIL_WORKERS_WAITFORWORKERS", "2m");
    }

    private SandboxTransfer transferOf(String reference) {
        String id = query("SELECT transfer_id FROM transfer_ledger WHERE reference = '" + reference + "'");
        return sandbox.transfers().stream().filter(transfer -> transfer.id().equals(id)).findFirst().orElseThrow();
    }

    private int acceptedChunkSends() {
        int sends = 0;
        for (RecordedRequest request : sandbox.requests()) {
            if (request.path().equals("/savefile.ashx") && request.status() == 200) {
                sends++;
            }
        }
        return sends;
    }

    private String describeWorkers() {
        return workers.stream().map(JarProcess::describe).collect(Collectors.joining("\n"));
    }

    /** The first column of the first row, or null; null too while the tables are not made yet. */
    private String query(String sql) {
        try (Connection db = connect(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException notYet) {
            return null;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(databaseUrl, PostgresServer.user(), "");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
