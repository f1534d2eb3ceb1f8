package com.filemailbatch.journal;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the run journal back: counts per outcome, and the entries of one outcome streamed in line order. */
@Repository
public class RunJournal {

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

    /**
     * Every entry of one execution in the order written, read page by page (by id, so each page is one short query
     * and neither the driver nor we hold more than a page: PostgreSQL's driver would otherwise load a whole result).
     */
    public void forEachPaged(long jobExecutionId, int pageSize, Consumer<JournalEntry> action) {
        DataClassRowMapper<JournalEntry> mapper = new DataClassRowMapper<>(JournalEntry.class);
        long[] after = {0};
        int[] read = new int[1];
        do {
            read[0] = 0;
            jdbc.query("SELECT id, job_execution_id AS jobExecutionId, step_name AS stepName, source_line AS sourceLine, "
                    + "reference, outcome, column_name AS columnName, reason, transfer_id AS transferId FROM run_journal "
                    + "WHERE job_execution_id = ? AND id > ? ORDER BY id FETCH FIRST " + pageSize + " ROWS ONLY", rs -> {
                        after[0] = rs.getLong("id");
                        read[0]++;
                        action.accept(mapper.mapRow(rs, 0));
                    }, jobExecutionId, after[0]);
        } while (read[0] == pageSize);
    }

    /** Streams the entries without holding them: a run may have a million rejected rows. */
    public void forEach(long jobExecutionId, Outcome outcome, Consumer<JournalEntry> action) {
        DataClassRowMapper<JournalEntry> mapper = new DataClassRowMapper<>(JournalEntry.class);
        // Aliased to the record's component names: each name DataClassRowMapper misses leaves an H2 trace entry.
        jdbc.query("SELECT job_execution_id AS jobExecutionId, step_name AS stepName, source_line AS sourceLine, "
                + "reference, outcome, column_name AS columnName, reason, transfer_id AS transferId FROM run_journal WHERE job_execution_id = ? AND outcome = ? "
                + "ORDER BY source_line, id", rs -> {
                    action.accept(mapper.mapRow(rs, 0));
                }, jobExecutionId, outcome.name());
    }
}
