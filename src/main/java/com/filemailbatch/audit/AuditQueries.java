package com.filemailbatch.audit;

import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.Outcome;
import com.filemailbatch.journal.RunJournal;
import com.filemailbatch.ledger.RunTransfers;
import com.filemailbatch.ledger.TransferRecord;
import com.filemailbatch.workers.PartitionState;
import com.filemailbatch.workers.UploadPartition;
import com.filemailbatch.workers.UploadPartitions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The audit view: the Spring Batch job history tables joined with the ledger and the run journal, read with
 * plain SQL so the same queries work for an auditor at a SQL prompt (the auditing guide shows them).
 */
@Repository
public class AuditQueries {

    /** How many rejected rows and transfers {@code show} lists; the report CSV has them all. */
    static final int LIST_LIMIT = 1000;

    private static final String RUNS = "SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE, e.START_TIME, "
            + "e.END_TIME, e.EXIT_MESSAGE FROM BATCH_JOB_EXECUTION e "
            + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID ";

    private static final Pattern SECRET_NAME = Pattern.compile("(?i)key|password|secret|token|credential");

    private final JdbcTemplate jdbc;
    private final RunJournal journal;
    private final RunTransfers transfers;
    private final UploadPartitions partitions;

    AuditQueries(JdbcTemplate jdbc, RunJournal journal, RunTransfers transfers, UploadPartitions partitions) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.transfers = transfers;
        this.partitions = partitions;
    }

    public List<RunRecord> history(int limit) {
        return history(new HistoryFilter(limit, null, null));
    }

    /** Runs newest first, at most {@code filter.limit()}, of a status or exit code, started since a moment. */
    public List<RunRecord> history(HistoryFilter filter) {
        return search(new RunQuery(null, null, null, filter.status(), filter.since(), null, null, 0, filter.limit()))
                .runs();
    }

    /**
     * Runs newest first, filtered and paged, with how many match in all. A page's parameters and outcome counts are
     * read in two queries for the whole page, not two per run.
     */
    public RunPage search(RunQuery query) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1 ");
        List<Object> arguments = new ArrayList<>();
        if (query.job() != null) {
            where.append("AND i.JOB_NAME = ? ");
            arguments.add(query.job());
        }
        if (query.status() != null) {
            where.append("AND (e.STATUS = ? OR e.EXIT_CODE = ?) ");
            arguments.add(query.status());
            arguments.add(query.status());
        }
        // A run that never started (refused at launch) counts from its creation.
        if (query.since() != null) {
            where.append("AND COALESCE(e.START_TIME, e.CREATE_TIME) >= ? ");
            arguments.add(Timestamp.valueOf(query.since()));
        }
        if (query.until() != null) {
            where.append("AND COALESCE(e.START_TIME, e.CREATE_TIME) < ? ");
            arguments.add(Timestamp.valueOf(query.until()));
        }
        if (query.definition() != null) {
            where.append("AND (EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = "
                    + "e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'definition' AND CAST(p.PARAMETER_VALUE AS "
                    + "VARCHAR(1000)) = ?) ");
            arguments.add(query.definition());
            if (query.definitionInput() != null) {
                where.append("OR EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = "
                        + "e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'input' AND CAST(p.PARAMETER_VALUE AS "
                        + "VARCHAR(4000)) = ?)");
                arguments.add(query.definitionInput());
            }
            where.append(") ");
        }
        if (query.inputContains() != null) {
            where.append("AND EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = "
                    + "e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'input' AND LOWER(CAST(p.PARAMETER_VALUE AS "
                    + "VARCHAR(4000))) LIKE ? ESCAPE '!') ");
            arguments.add("%" + likeText(query.inputContains().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID " + where, Long.class, arguments.toArray());
        List<Object[]> rows = jdbc.query(RUNS + where + "ORDER BY e.JOB_EXECUTION_ID DESC OFFSET " + query.offset()
                + " ROWS FETCH FIRST " + query.limit() + " ROWS ONLY", (rs, n) -> new Object[] {
                    rs.getLong("JOB_EXECUTION_ID"), rs.getString("JOB_NAME"), rs.getString("STATUS"),
                    rs.getString("EXIT_CODE"), firstLine(rs.getString("EXIT_MESSAGE")), time(rs, "START_TIME"),
                    time(rs, "END_TIME")}, arguments.toArray());
        List<Long> ids = rows.stream().map(row -> (Long) row[0]).toList();
        Map<Long, Map<String, String>> parameters = parameters(ids);
        Map<Long, Map<Outcome, Long>> outcomes = journal.countByOutcome(ids);
        Map<Long, List<PartitionRecord>> partitioned = partitions(partitions.of(ids));
        List<RunRecord> runs = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            long id = (Long) row[0];
            runs.add(run(id, (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    (LocalDateTime) row[5], (LocalDateTime) row[6], parameters.getOrDefault(id, Map.of()),
                    outcomes.getOrDefault(id, Map.of()), partitioned.getOrDefault(id, List.of())));
        }
        return new RunPage(runs, total == null ? 0 : total);
    }

    /** {@code text} for a LIKE pattern with escape character {@code !}: its own % and _ match themselves. */
    private static String likeText(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    public Optional<RunDetails> show(long executionId) {
        List<RunRecord> runs = jdbc.query(RUNS + "WHERE e.JOB_EXECUTION_ID = ?", (rs, n) -> run(rs), executionId);
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        List<StepRecord> steps = jdbc.query("SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT, FILTER_COUNT, "
                + "COMMIT_COUNT, ROLLBACK_COUNT, START_TIME, END_TIME, EXIT_CODE, EXIT_MESSAGE, "
                + "COALESCE(READ_SKIP_COUNT, 0) + COALESCE(WRITE_SKIP_COUNT, 0) + COALESCE(PROCESS_SKIP_COUNT, 0) "
                + "FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID",
                (rs, n) -> new StepRecord(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(12), rs.getLong(5), rs.getLong(6), rs.getLong(7), time(rs, 8), time(rs, 9),
                        rs.getString(10), firstLine(rs.getString(11))), executionId);
        Map<String, Long> ledger = transfers.countByStatus(executionId);
        List<JournalEntry> rejected = new ArrayList<>();
        journal.forEach(executionId, Outcome.REJECTED, entry -> {
            if (rejected.size() < LIST_LIMIT) {
                rejected.add(entry);
            }
        });
        List<TransferRecord> claimed = transfers.claimedBy(executionId);
        return Optional.of(new RunDetails(runs.get(0), parameters(executionId), steps, ledger,
                rejected, claimed.size() > LIST_LIMIT ? claimed.subList(0, LIST_LIMIT) : claimed));
    }

    private RunRecord run(ResultSet rs) throws SQLException {
        long id = rs.getLong("JOB_EXECUTION_ID");
        Map<Outcome, Long> outcomes = journal.countByOutcome(id);
        return run(id, rs.getString("JOB_NAME"), rs.getString("STATUS"), rs.getString("EXIT_CODE"),
                firstLine(rs.getString("EXIT_MESSAGE")), time(rs, "START_TIME"), time(rs, "END_TIME"),
                parameters(id), outcomes, partitions(partitions.of(id)).getOrDefault(id, List.of()));
    }

    /** Per run, its upload partitions with their workers (runs with workers only). */
    private Map<Long, List<PartitionRecord>> partitions(List<UploadPartition> rows) {
        Map<Long, List<PartitionRecord>> byRun = new HashMap<>();
        if (rows.isEmpty()) {
            return byRun;
        }
        // A running partition's duration runs until now on the clock its times come from: the database's.
        OffsetDateTime now = rows.stream().anyMatch(row -> row.state() == PartitionState.RUNNING)
                ? jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class) : null;
        rows.forEach(row -> byRun.computeIfAbsent(row.jobExecutionId(), id -> new ArrayList<>())
                .add(PartitionRecord.of(row, now)));
        return byRun;
    }

    private static RunRecord run(long id, String job, String status, String exitCode, String exitMessage,
            LocalDateTime start, LocalDateTime end, Map<String, String> parameters, Map<Outcome, Long> counts,
            List<PartitionRecord> partitions) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        counts.forEach((outcome, count) -> outcomes.put(outcome.name(), count));
        return new RunRecord(id, job, status, exitCode, exitMessage, start, end, parameters.get("input"),
                parameters.get("runDate"), "true".equals(parameters.get("dryRun")), outcomes,
                parameters.get("definition"), partitions);
    }

    /** The parameters of several runs, in one query. */
    private Map<Long, Map<String, String>> parameters(List<Long> executionIds) {
        Map<Long, Map<String, String>> parameters = new HashMap<>();
        if (executionIds.isEmpty()) {
            return parameters;
        }
        String ids = executionIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
        jdbc.query("SELECT JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS "
                + "WHERE JOB_EXECUTION_ID IN (" + ids + ") ORDER BY PARAMETER_NAME", rs -> {
                    String name = rs.getString(2);
                    parameters.computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>())
                            .put(name, SECRET_NAME.matcher(name).find() ? "(hidden)" : rs.getString(3));
                });
        return parameters;
    }

    private Map<String, String> parameters(long executionId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        jdbc.query("SELECT PARAMETER_NAME, PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS "
                + "WHERE JOB_EXECUTION_ID = ? ORDER BY PARAMETER_NAME", rs -> {
                    String name = rs.getString(1);
                    // No secret is ever a job parameter; should one arrive anyway, the audit view never shows it.
                    parameters.put(name, SECRET_NAME.matcher(name).find() ? "(hidden)" : rs.getString(2));
                }, executionId);
        return parameters;
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime();
    }

    private static LocalDateTime time(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime();
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).trim();
    }
}
