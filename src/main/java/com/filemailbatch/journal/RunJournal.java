package com.filemailbatch.journal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the run journal back: counts per outcome, and the entries of one outcome streamed in line order. */
@Repository
public class RunJournal {

    /** Aliased to {@link JournalEntry}'s components: each name DataClassRowMapper misses leaves an H2 trace entry. */
    private static final String SELECT_ENTRIES = "SELECT job_execution_id AS jobExecutionId, step_name AS stepName, "
            + "source_line AS sourceLine, reference, outcome, column_name AS columnName, reason, "
            + "transfer_id AS transferId FROM run_journal ";

    private final JdbcTemplate jdbc;

    RunJournal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Outcome, Long> countByOutcome(long jobExecutionId) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        jdbc.query("SELECT outcome, COUNT(*) FROM run_journal WHERE job_execution_id = ? GROUP BY outcome",
                rs -> {
                    counts.put(Outcome.valueOf(rs.getString(1)), rs.getLong(2));
                }, jobExecutionId);
        return counts;
    }

    /** The counts per outcome of several executions, in one query. */
    public Map<Long, Map<Outcome, Long>> countByOutcome(List<Long> jobExecutionIds) {
        Map<Long, Map<Outcome, Long>> counts = new HashMap<>();
        if (jobExecutionIds.isEmpty()) {
            return counts;
        }
        String ids = jobExecutionIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
        jdbc.query("SELECT job_execution_id, outcome, COUNT(*) FROM run_journal WHERE job_execution_id IN (" + ids
                + ") GROUP BY job_execution_id, outcome", rs -> {
                    counts.computeIfAbsent(rs.getLong(1), id -> new EnumMap<>(Outcome.class))
                            .put(Outcome.valueOf(rs.getString(2)), rs.getLong(3));
                });
        return counts;
    }

    /** Every run's entries of one reference, newest run first: the reference's history. */
    public List<JournalEntry> ofReference(String reference, int limit) {
        return jdbc.query(SELECT_ENTRIES + "WHERE reference = ? ORDER BY job_execution_id DESC, id DESC FETCH FIRST "
                + limit + " ROWS ONLY", new DataClassRowMapper<>(JournalEntry.class), reference);
    }

    /**
     * Every entry of one execution in the order written, read page by page, so that neither the driver nor we hold
     * more than a page (PostgreSQL's driver would otherwise load a whole result). A page is a window of ids: H2 reads
     * every remaining row for {@code id > ? ORDER BY id FETCH FIRST n}, quadratic over a run, but only the window
     * for {@code id >= ? AND id < ?}.
     */
    public void forEachPaged(long jobExecutionId, int pageSize, Consumer<JournalEntry> action) {
        DataClassRowMapper<JournalEntry> mapper = new DataClassRowMapper<>(JournalEntry.class);
        Map<String, Object> range = jdbc.queryForMap("SELECT MIN(id) AS first_id, MAX(id) AS last_id FROM run_journal "
                + "WHERE job_execution_id = ?", jobExecutionId);
        if (range.get("first_id") == null) {
            return;
        }
        long last = ((Number) range.get("last_id")).longValue();
        for (long from = ((Number) range.get("first_id")).longValue(); from <= last; from += pageSize) {
            jdbc.query(SELECT_ENTRIES + "WHERE job_execution_id = ? AND id >= ? AND id < ? ORDER BY id", rs -> {
                        action.accept(mapper.mapRow(rs, 0));
                    }, jobExecutionId, from, from + pageSize);
        }
    }

    /** Streams the entries without holding them: a run may have a million rejected rows. */
    public void forEach(long jobExecutionId, Outcome outcome, Consumer<JournalEntry> action) {
        DataClassRowMapper<JournalEntry> mapper = new DataClassRowMapper<>(JournalEntry.class);
        jdbc.query(SELECT_ENTRIES + "WHERE job_execution_id = ? AND outcome = ? ORDER BY source_line, id", rs -> {
                    action.accept(mapper.mapRow(rs, 0));
                }, jobExecutionId, outcome.name());
    }

    /** The first {@code limit} entries of one outcome, in line order. */
    public List<JournalEntry> first(long jobExecutionId, Outcome outcome, int limit) {
        return jdbc.query(SELECT_ENTRIES + "WHERE job_execution_id = ? AND outcome = ? ORDER BY source_line, id "
                + "FETCH FIRST " + limit + " ROWS ONLY", new DataClassRowMapper<>(JournalEntry.class), jobExecutionId,
                outcome.name());
    }
}
