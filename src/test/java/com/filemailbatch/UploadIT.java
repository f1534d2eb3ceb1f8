package com.filemailbatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.RecordedRequest;
import com.filemailbatch.sandbox.SandboxFile;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.JarProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
    private static final long PROCESS_TIMEOUT_SECONDS = 120;

    /** Kept when a test fails: the ledger, the job history and the log are the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @TempDir
    Path streams;

    private Path jar;
    private FilemailSandbox sandbox;
    private int invocation;

    @BeforeEach
    void startSandbox() {
        jar = Path.of(System.getProperty("filemail.batch.jar"));
        assertThat(jar).as("the packaged jar").isRegularFile();
        sandbox = FilemailSandbox.start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
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
        Process process = start(List.of("-Xmx64m", "-Dfilemail.upload.chunk-size=50MB"), "big.csv", "2026-11-25");
        int exit = awaitExit(process);
        System.out.printf("UploadIT: %d MiB uploaded by a JVM with -Xmx64m in %.1f s%n", size / MIB,
                (System.nanoTime() - began) / 1e9);

        assertThat(exit).as(describeLast()).isZero();
        SandboxTransfer transfer = sandbox.transfers().get(0);
        assertThat(transfer.status()).isEqualTo(SandboxTransfer.Status.COMPLETED);
        assertThat(transfer.files()).singleElement().satisfies(received -> {
            assertThat(received.size()).isEqualTo(size);
            assertThat(received.chunksReceived()).isEqualTo(7);
            assertThat(received.sha256()).isEqualTo(sha256(big));
        });
        assertThat(Files.readString(streams.resolve(invocation + ".out"))).contains("completed")
                .contains(sandbox.baseUrl() + "/d/" + transfer.id());
        try (Connection db = ledgerDatabase()) {
            assertThat(queryString(db, "SELECT status FROM transfer_ledger")).isEqualTo("COMPLETED");
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void killedInTheMiddleOfAChunkedUploadTheRestartResumesAtTheFirstUnfinishedChunk() throws Exception {
        Path file = work.resolve("files/resume.bin");
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[(int) (7 * 5 * MIB + 777)];
        new Random(7).nextBytes(bytes);
        Files.write(file, bytes);
        Files.writeString(work.resolve("resume.csv"), "reference,subject,files\nKILL-1,Killed upload,files/resume.bin\n");
        // Slow answers: a chunk takes at least this long, so the kill lands with chunks left to send.
        sandbox.setLatency(Duration.ofMillis(300));
        List<String> options = List.of("-Dfilemail.upload.chunk-size=5MB");

        Process first = start(options, "resume.csv", "2026-11-25");
        long began = System.nanoTime();
        awaitChunksReceived(first, 3);
        long killedAt = System.nanoTime();
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("killed process ended").isTrue();
        int recordedNext;
        try (Connection db = ledgerDatabase()) {
            assertThat(queryString(db, "SELECT status FROM transfer_ledger")).isEqualTo("UPLOADING");
            recordedNext = Integer.parseInt(queryString(db, "SELECT next_chunk FROM transfer_upload_progress"));
        }
        Map<Integer, Integer> beforeRestart = acceptedChunks();
        assertThat(recordedNext).as("chunks recorded before the kill").isGreaterThanOrEqualTo(2).isLessThan(8);
        sandbox.setLatency(Duration.ZERO);

        int exit = awaitExit(start(options, "resume.csv", "2026-11-25"));

        assertThat(exit).as(describeLast()).isZero();
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

    private void awaitChunksReceived(Process process, int chunks) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_TIMEOUT_SECONDS);
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (acceptedChunks().size() >= chunks) {
                return;
            }
            process.waitFor(20, TimeUnit.MILLISECONDS);
        }
        fail("the upload did not get to " + chunks + " chunks while the run was alive\n" + describeLast());
    }

    private Process start(List<String> jvmOptions, String input, String runDate) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "run", "--input", input, "--run-date", runDate));
        invocation++;
        ProcessBuilder builder = JarProcess.builder(command, work, streams.resolve(invocation + ".out"),
                streams.resolve(invocation + ".err"));
        Map<String, String> environment = builder.environment();
        environment.put("FILEMAIL_BASE_URL", sandbox.baseUrl().toString());
        environment.put("FILEMAIL_API_KEY", sandbox.apiKey());
        environment.put("FILEMAIL_DATA_DIR", work.resolve("data").toString());
        environment.put("FILEMAIL_REPORTS_DIR", work.resolve("reports").toString());
        return builder.start();
    }

    private int awaitExit(Process process) throws Exception {
        if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            fail("the run did not finish within " + PROCESS_TIMEOUT_SECONDS + " s\n" + describeLast());
        }
        return process.exitValue();
    }

    private Connection ledgerDatabase() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + work.resolve("data/filemail-batch"), "sa", "");
    }

    private static String queryString(Connection db, String sql) throws SQLException {
        try (ResultSet result = db.createStatement().executeQuery(sql)) {
            assertThat(result.next()).as(sql).isTrue();
            return result.getString(1);
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private String describeLast() {
        try {
            return "run " + invocation + "\n--- stdout\n" + Files.readString(streams.resolve(invocation + ".out"),
                    StandardCharsets.UTF_8) + "\n--- stderr\n" + Files.readString(streams.resolve(invocation + ".err"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
