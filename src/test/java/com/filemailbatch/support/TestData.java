package com.filemailbatch.support;

import com.filemailbatch.sandbox.FilemailSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Small helpers for job tests: a clean slate, CSV files, and reading the ledger back. */
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
}
