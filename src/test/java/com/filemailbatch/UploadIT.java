package com.filemailbatch;

import static com.filemailbatch.support.TestData.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.RecordedRequest;
import com.filemailbatch.sandbox.SandboxFile;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.JarProcess;
import com.filemailbatch.support.JarProcess.Result;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads through the packaged jar, as a user runs it: a file several times larger than the child JVM's heap, and
 * a run killed (SIGKILL) in the middle of a chunked upload, then run again. The sandbox lives in this JVM, so it
 * outlives the killed process and counts every chunk any process sent.
 */
class UploadIT {

    private static final long MIB = 1024 * 1024;
    private static final long PROCESS_TIMEOUT_SECONDS = 300;
    private static final String[] RESUME = {"run", "--input", "resume.csv", "--run-date", "2026-11-25"};

    /** Kept when a test fails: the ledger, the job history and the log are the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @TempDir
    Path streams;

    private JarProcess.Launcher jar;
    private FilemailSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = FilemailSandbox.start();
        jar = JarProcess.in(work, streams).sandbox(sandbox)
                .environment("FILEMAIL_DATA_DIR", work.resolve("data").toString())
                .environment("FILEMAIL_REPORTS_DIR", work.resolve("reports").toString());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aFileFiveTimesTheHeapUploadsWithTheRightBytes() throws Exception {
        Path big = work.resolve("files/big.bin");
        Files.createDirectories(big.getParent());
        long size = 320 * MIB + 12345;
        // Sparse, with random blocks spread over it, so a misplaced chunk changes the digest.
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(size);
            Random random = new Random(4);
            byte[] block = new byte[64 * 1024];
            for (long offset = 0; offset < size - block.length; offset += 7 * MIB + 4321) {
                random.nextBytes(block);
                file.seek(offset);
                file.write(block);
            }
        }
        Files.writeString(work.resolve("big.csv"), "reference,subject,files\nBIG-1,Big file,files/big.bin\n");

        long began = System.nanoTime();
        Result run = jar.jvmOptions("-Xmx64m", "-Dfilemail.upload.chunk-size=50MB")
                .run(PROCESS_TIMEOUT_SECONDS, "run", "--input", "big.csv", "--run-date", "2026-11-25");
        System.out.printf("UploadIT: %d MiB uploaded by a JVM with -Xmx64m in %.1f s%n", size / MIB,
                (System.nanoTime() - began) / 1e9);

        assertThat(run.exit()).as(run.describe()).isZero();
        SandboxTransfer transfer = sandbox.transfers().get(0);
        assertThat(transfer.status()).isEqualTo(SandboxTransfer.Status.COMPLETED);
        assertThat(transfer.files()).singleElement().satisfies(received -> {
            assertThat(received.size()).isEqualTo(size);
            assertThat(received.chunksReceived()).isEqualTo(7);
            assertThat(received.sha256()).isEqualTo(sha256(big));
        });
        assertThat(run.out()).contains("completed")
                .contains(sandbox.baseUrl() + "/d/" + transfer.id());
        try (Connection db = ledgerDatabase()) {
            assertThat(queryString(db, "SELECT status FROM transfer_ledger")).isEqualTo("COMPLETED");
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void killedInTheMiddleOfAChunkedUploadTheRestartResumesAtTheFirstUnfinishedChunk() throws Exception {
        Path file = work.resolve("files/resume.bin");
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[(int) (7 * 5 * MIB + 777)];
        new Random(7).nextBytes(bytes);
        Files.write(file, bytes);
        Files.writeString(work.resolve("resume.csv"), "reference,subject,files\nKILL-1,Killed upload,files/resume.bin\n");
        // Slow answers: a chunk takes at least this long, so the kill lands with chunks left to send.
        sandbox.setLatency(Duration.ofMillis(300));
        jar.jvmOptions("-Dfilemail.upload.chunk-size=5MB");

        JarProcess first = jar.start(RESUME);
        long began = System.nanoTime();
        if (!first.await(() -> acceptedChunks().size() >= 3, Duration.ofSeconds(PROCESS_TIMEOUT_SECONDS))) {
            fail("the upload did not get to 3 chunks while the run was alive\n" + first.describe());
        }
        long killedAt = System.nanoTime();
        first.kill();
        int recordedNext;
        try (Connection db = ledgerDatabase()) {
            assertThat(queryString(db, "SELECT status FROM transfer_ledger")).isEqualTo("UPLOADING");
            recordedNext = Integer.parseInt(queryString(db, "SELECT next_chunk FROM transfer_upload_progress"));
        }
        Map<Integer, Integer> beforeRestart = acceptedChunks();
        assertThat(recordedNext).as("chunks recorded before the kill").isGreaterThanOrEqualTo(2).isLessThan(8);
        sandbox.setLatency(Duration.ZERO);

        Result restart = jar.run(PROCESS_TIMEOUT_SECONDS, RESUME);

        assertThat(restart.exit()).as(restart.describe()).isZero();
        Map<Integer, Integer> all = acceptedChunks();
        for (int chunk = 0; chunk < 8; chunk++) {
            int afterKill = all.getOrDefault(chunk, 0) - beforeRestart.getOrDefault(chunk, 0);
            if (chunk < recordedNext) {
                assertThat(all.get(chunk)).as("sends of recorded chunk %d: %s", chunk, all).isEqualTo(1);
                assertThat(afterKill).as("sends of recorded chunk %d after the restart", chunk).isZero();
            } else {
                // The chunk in flight at the kill may have arrived unrecorded: it is sent again, once.
                assertThat(afterKill).as("sends of chunk %d after the restart: %s", chunk, all).isEqualTo(1);
            }
        }
        SandboxTransfer transfer = sandbox.transfers().get(0);
        assertThat(sandbox.transfers()).hasSize(1);
        assertThat(transfer.status()).isEqualTo(SandboxTransfer.Status.COMPLETED);
        SandboxFile received = transfer.files().get(0);
        assertThat(received.sha256()).isEqualTo(sha256(file));
        try (Connection db = ledgerDatabase()) {
            assertThat(queryString(db, "SELECT status FROM transfer_ledger")).isEqualTo("COMPLETED");
            assertThat(queryString(db, "SELECT download_url FROM transfer_ledger"))
                    .isEqualTo(sandbox.baseUrl() + "/d/" + transfer.id());
        }
        System.out.printf("UploadIT: killed after %d recorded chunks (%.1f s after launch), restart took %.1f s; "
                + "chunk sends %s%n", recordedNext, (killedAt - began) / 1e9, (System.nanoTime() - killedAt) / 1e9, all);
    }

    /** Chunk index → how many times the sandbox accepted it. */
    private Map<Integer, Integer> acceptedChunks() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (RecordedRequest request : sandbox.requests()) {
            if (request.path().equals("/savefile.ashx") && request.status() == 200) {
                for (String pair : request.query().split("&")) {
                    if (pair.startsWith("chunk=")) {
                        counts.merge(Integer.parseInt(pair.substring(6)), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private Connection ledgerDatabase() throws SQLException {
        return JarProcess.database(work.resolve("data"));
    }

    private static String queryString(Connection db, String sql) throws SQLException {
        try (ResultSet result = db.createStatement().executeQuery(sql)) {
            assertThat(result.next()).as(sql).isTrue();
            return result.getString(1);
        }
    }
}
