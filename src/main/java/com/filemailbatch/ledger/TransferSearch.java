package com.filemailbatch.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The ledger searched, for the dashboard: only what may be shown (never a key, an encrypted request or an upload
 * address), newest change first.
 */
@Repository
public class TransferSearch {

    private static final String SELECT = "SELECT l.id, l.reference, l.status, l.subject, l.recipients, l.transfer_id, "
            + "l.source_file, l.source_line, l.job_execution_id, l.created_at, l.updated_at, l.download_url, "
            + "l.last_error_status, l.last_error_message, "
            + "(SELECT COALESCE(SUM(p.size), 0) FROM transfer_upload_progress p WHERE p.ledger_id = l.id) AS bytes "
            + "FROM transfer_ledger l ";

    private final JdbcTemplate jdbc;

    TransferSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which rows: every filter optional (null).
     *
     * @param reference         the reference, exactly
     * @param recipientContains part of an address, any case
     * @param subjectContains   part of the subject, any case
     * @param since             changed at or after
     * @param until             changed before
     */
    public record Query(String reference, String recipientContains, String subjectContains, TransferStatus status,
            Instant since, Instant until, int offset, int limit) {
    }

    /** One row as shown. @param bytes the size of its files whose upload began */
    public record Row(long id, String reference, String status, String subject, String recipients, String transferId,
            String sourceFile, Long sourceLine, Long executionId, Instant createdAt, Instant updatedAt,
            String downloadUrl, String lastErrorStatus, String lastErrorMessage, long bytes) {
    }

    /** The rows, and how many match in all. */
    public record Page(List<Row> rows, long total) {
    }

    public Page search(Query query) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1 ");
        List<Object> arguments = new ArrayList<>();
        if (query.reference() != null) {
            where.append("AND l.reference = ? ");
            arguments.add(query.reference());
        }
        if (query.recipientContains() != null) {
            where.append("AND LOWER(l.recipients) LIKE ? ESCAPE '!' ");
            arguments.add(contains(query.recipientContains()));
        }
        if (query.subjectContains() != null) {
            where.append("AND LOWER(l.subject) LIKE ? ESCAPE '!' ");
            arguments.add(contains(query.subjectContains()));
        }
        if (query.status() != null) {
            where.append("AND l.status = ? ");
            arguments.add(query.status().name());
        }
        if (query.since() != null) {
            where.append("AND l.updated_at >= ? ");
            arguments.add(OffsetDateTime.ofInstant(query.since(), ZoneOffset.UTC));
        }
        if (query.until() != null) {
            where.append("AND l.updated_at < ? ");
            arguments.add(OffsetDateTime.ofInstant(query.until(), ZoneOffset.UTC));
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM transfer_ledger l " + where, Long.class,
                arguments.toArray());
        List<Row> rows = jdbc.query(SELECT + where + "ORDER BY l.updated_at DESC, l.id DESC OFFSET " + query.offset()
                + " ROWS FETCH FIRST " + query.limit() + " ROWS ONLY", TransferSearch::row, arguments.toArray());
        return new Page(rows, total == null ? 0 : total);
    }

    public Optional<Row> find(long id) {
        return jdbc.query(SELECT + "WHERE l.id = ?", TransferSearch::row, id).stream().findFirst();
    }

    /** The files of a transfer whose upload began: name, size, and how far it got. */
    public record FileRow(String fileName, long size, long chunks, long nextChunk, boolean done) {
    }

    public List<FileRow> files(long ledgerId) {
        return jdbc.query("SELECT file_name, size, chunks, next_chunk, done FROM transfer_upload_progress WHERE "
                + "ledger_id = ? ORDER BY file_index", (rs, i) -> new FileRow(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getBoolean(5)), ledgerId);
    }

    /**
     * How far the uploads of the transfers a run touched last have got, in bytes: what the dashboard shows of a
     * running run's upload step.
     *
     * @return {done, total}
     */
    public long[] uploaded(long jobExecutionId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN p.done THEN p.size ELSE LEAST(p.size, "
                + "p.next_chunk * p.chunk_size) END), 0), COALESCE(SUM(p.size), 0) FROM transfer_upload_progress p "
                + "JOIN transfer_ledger l ON l.id = p.ledger_id WHERE l.job_execution_id = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, jobExecutionId);
    }

    /**
     * The ledger rows a run touched last: while it initializes, a row counts as soon as its claim commits, before its
     * chunk does, so a running run's progress moves row by row.
     */
    public long touchedBy(long jobExecutionId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM transfer_ledger WHERE job_execution_id = ?", Long.class,
                jobExecutionId);
        return count == null ? 0 : count;
    }

    private static String contains(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long line = rs.getLong("source_line");
        Long sourceLine = rs.wasNull() ? null : line;
        long execution = rs.getLong("job_execution_id");
        Long executionId = rs.wasNull() ? null : execution;
        return new Row(rs.getLong("id"), rs.getString("reference"), rs.getString("status"), rs.getString("subject"),
                rs.getString("recipients"), rs.getString("transfer_id"), rs.getString("source_file"), sourceLine,
                executionId, instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("download_url"),
                rs.getString("last_error_status"), rs.getString("last_error_message"), rs.getLong("bytes"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
