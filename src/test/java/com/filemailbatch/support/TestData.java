package com.filemailbatch.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxTransfer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** Small helpers for job tests: a clean slate, CSV files, reading the ledger and the sandbox back. */
public final class TestData {

    private TestData() {
    }

    /** Empties our tables and the sandbox (the job history tables stay: every test uses its own input file). */
    public static void reset(JdbcTemplate jdbc, FilemailSandbox sandbox) {
        jdbc.update("DELETE FROM run_journal");
        jdbc.update("DELETE FROM transfer_ledger");
        sandbox.reset();
    }

    /** Writes a CSV file (header line first) into {@code dir} and returns its path. */
    public static Path csv(Path dir, String name, String... lines) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A jobs directory under {@code work} with one definition, {@code jobs/tick.properties}, that sends whatever is
     * dropped into {@code work/inbox} every second (UTC). @return the inbox
     */
    public static Path tickingInbox(Path work) {
        try {
            Path inbox = Files.createDirectories(work.resolve("inbox"));
            Files.createDirectories(work.resolve("jobs"));
            Files.writeString(work.resolve("jobs/tick.properties"), "job=send\ninbox=../inbox\n"
                    + "schedule=* * * * * *\nzone=UTC\n", StandardCharsets.UTF_8);
            return inbox;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV of {@code count} valid rows ({@code reference,subject,to}), each its own reference and subject. */
    public static Path rows(Path dir, String name, int count) {
        String[] lines = new String[count + 1];
        lines[0] = "reference,subject,to";
        for (int i = 1; i <= count; i++) {
            lines[i] = name + "-" + i + "," + name + " transfer " + i + ",r" + i + "@example.com";
        }
        return csv(dir, name, lines);
    }

    /**
     * Every subject has exactly one live transfer at the sandbox, {@code rows} subjects in all, the ledger holds
     * that transfer for it, and every ledger row is INITIALIZED.
     */
    public static void assertExactlyOneLiveTransferPerRow(FilemailSandbox sandbox, JdbcTemplate jdbc, int rows) {
        Map<String, List<SandboxTransfer>> live = sandbox.transfers().stream()
                .filter(transfer -> transfer.status() == SandboxTransfer.Status.INITIALIZED)
                .collect(Collectors.groupingBy(SandboxTransfer::subject));
        assertThat(live).hasSize(rows);
        assertThat(live.values()).allSatisfy(transfers -> assertThat(transfers).hasSize(1));
        Map<String, String> recorded = jdbc.queryForList("SELECT subject, transfer_id FROM transfer_ledger")
                .stream().collect(Collectors.toMap(row -> (String) row.get("SUBJECT"),
                        row -> String.valueOf(row.get("TRANSFER_ID"))));
        live.forEach((subject, transfers) -> assertThat(recorded).containsEntry(subject, transfers.get(0).id()));
        assertThat(ledgerStatuses(jdbc).values()).containsOnly("INITIALIZED");
    }

    /** reference -> status of every ledger row. */
    public static Map<String, String> ledgerStatuses(JdbcTemplate jdbc) {
        Map<String, String> statuses = new java.util.TreeMap<>();
        jdbc.query("SELECT reference, status FROM transfer_ledger", rs -> {
            statuses.put(rs.getString(1), rs.getString(2));
        });
        return statuses;
    }

    public static List<Map<String, Object>> ledger(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT * FROM transfer_ledger ORDER BY source_line");
    }

    /** The sandbox's transfer of that subject (the first, if a subject was sent twice). */
    public static SandboxTransfer transfer(FilemailSandbox sandbox, String subject) {
        return sandbox.transfers().stream().filter(t -> t.subject().equals(subject)).findFirst().orElseThrow();
    }

    /** Hex SHA-256 of a file, read as a stream: the digest the sandbox keeps of what it received. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
