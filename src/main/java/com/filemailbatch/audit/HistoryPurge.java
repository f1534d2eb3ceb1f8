package com.filemailbatch.audit;

import com.filemailbatch.ledger.LedgerRetention;
import com.filemailbatch.notifications.NotificationOutbox;
import com.filemailbatch.workers.UploadPartitions;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: deletes ledger rows whose transfer is final and that nothing touched since the cut-off, the
 * notifications delivered or given up before it, then the job
 * history (every BATCH_* row, the run journal and run owners) of job instances whose executions all ended before the
 * cut-off. Kept whatever their age: ledger rows whose transfer is not final (they are still to be sent, uploaded or
 * cancelled), the job instances whose executions those rows reference, and instances with a running execution.
 * Receipts and the receipt chain are never touched, so {@code verify-receipts} still passes. One transaction; a dry
 * run performs the same deletes and rolls them back, so it reports exactly what a real purge would delete.
 */
@Component
public class HistoryPurge {

    /** Ledger statuses whose transfer is final: nothing will ever be done with the row again. */
    static final Set<String> FINAL = LedgerRetention.FINAL.stream().map(Enum::name).collect(Collectors.toSet());

    private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");
    private static final int BATCH = 500;
    /** In the order rows are deleted: children before the rows their foreign keys point at. */
    static final List<String> TABLES = List.of("transfer_ledger", "notification_outbox", "run_journal", "run_owner",
            "upload_partition", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_CONTEXT",
            "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE");

    private final JdbcTemplate jdbc;
    private final LedgerRetention ledger;
    private final NotificationOutbox notifications;
    private final UploadPartitions partitions;
    private final TransactionTemplate transaction;

    HistoryPurge(JdbcTemplate jdbc, LedgerRetention ledger, NotificationOutbox notifications,
            UploadPartitions partitions, PlatformTransactionManager transactionManager) {
        this.partitions = partitions;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.notifications = notifications;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public PurgeResult purge(Instant cutoff, boolean dryRun) {
        return transaction.execute(status -> {
            PurgeResult result = purgeNow(cutoff, dryRun);
            if (dryRun) {
                status.setRollbackOnly();
            }
            return result;
        });
    }

    private PurgeResult purgeNow(Instant cutoff, boolean dryRun) {
        Map<String, Long> deleted = new LinkedHashMap<>();
        TABLES.forEach(table -> deleted.put(table, 0L));
        deleted.put("transfer_ledger", ledger.deleteFinalBefore(cutoff));
        // Delivered and given-up notifications; a pending one stays until it is delivered or given up.
        deleted.put("notification_outbox", (long) notifications.deleteEndedBefore(cutoff));
        List<Long> executions = new ArrayList<>();
        long kept = purgeableExecutions(cutoff, executions);
        List<Long> instances = jdbc.queryForList("SELECT DISTINCT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION",
                Long.class);
        Set<Long> instancesLeft = new HashSet<>();
        for (List<Long> batch : batches(executions)) {
            String ids = batch.stream().map(String::valueOf).collect(Collectors.joining(", "));
            count(deleted, "run_journal", "DELETE FROM run_journal WHERE job_execution_id IN (" + ids + ")");
            count(deleted, "run_owner", "DELETE FROM run_owner WHERE job_execution_id IN (" + ids + ")");
            deleted.merge("upload_partition", (long) partitions.deleteOf(batch), Long::sum);
            count(deleted, "BATCH_STEP_EXECUTION_CONTEXT", "DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE "
                    + "STEP_EXECUTION_ID IN (SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION "
                    + "WHERE JOB_EXECUTION_ID IN (" + ids + "))");
            count(deleted, "BATCH_STEP_EXECUTION", "DELETE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN ("
                    + ids + ")");
            count(deleted, "BATCH_JOB_EXECUTION_CONTEXT", "DELETE FROM BATCH_JOB_EXECUTION_CONTEXT WHERE "
                    + "JOB_EXECUTION_ID IN (" + ids + ")");
            count(deleted, "BATCH_JOB_EXECUTION_PARAMS", "DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE "
                    + "JOB_EXECUTION_ID IN (" + ids + ")");
            count(deleted, "BATCH_JOB_EXECUTION", "DELETE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID IN ("
                    + ids + ")");
        }
        instancesLeft.addAll(jdbc.queryForList("SELECT DISTINCT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION",
                Long.class));
        List<Long> emptied = instances.stream().filter(id -> !instancesLeft.contains(id)).toList();
        for (List<Long> batch : batches(emptied)) {
            count(deleted, "BATCH_JOB_INSTANCE", "DELETE FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID IN ("
                    + batch.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        return new PurgeResult(cutoff, dryRun, deleted, kept);
    }

    /**
     * Fills {@code purgeable} with the executions of job instances whose every execution ended before the cut-off
     * (one that never ended counts from its creation, unless it is running) and none of which a remaining ledger row
     * references; returns how many executions older than the cut-off are kept.
     */
    private long purgeableExecutions(Instant cutoff, List<Long> purgeable) {
        // The job repository stores local date-times of the machine that ran the job.
        LocalDateTime localCutoff = LocalDateTime.ofInstant(cutoff, ZoneId.systemDefault());
        Set<Long> referenced = ledger.referencedExecutions();
        Map<Long, List<Long>> byInstance = new LinkedHashMap<>();
        Set<Long> blockedInstances = new HashSet<>();
        long[] old = {0};
        jdbc.query("SELECT JOB_EXECUTION_ID, JOB_INSTANCE_ID, STATUS, CREATE_TIME, END_TIME FROM BATCH_JOB_EXECUTION "
                + "ORDER BY JOB_EXECUTION_ID", rs -> {
                    long execution = rs.getLong(1);
                    long instance = rs.getLong(2);
                    Timestamp end = rs.getTimestamp(5);
                    boolean running = RUNNING.contains(rs.getString(3));
                    LocalDateTime age = end != null ? end.toLocalDateTime() : rs.getTimestamp(4).toLocalDateTime();
                    boolean isOld = age.isBefore(localCutoff) && (end != null || !running);
                    if (age.isBefore(localCutoff)) {
                        old[0]++;
                    }
                    if (!isOld || running || referenced.contains(execution)) {
                        blockedInstances.add(instance);
                    }
                    byInstance.computeIfAbsent(instance, k -> new ArrayList<>()).add(execution);
                });
        byInstance.forEach((instance, executions) -> {
            if (!blockedInstances.contains(instance)) {
                purgeable.addAll(executions);
            }
        });
        Collections.sort(purgeable);
        return old[0] - purgeable.size();
    }

    private void count(Map<String, Long> deleted, String table, String sql) {
        deleted.merge(table, (long) jdbc.update(sql), Long::sum);
    }

    private static List<List<Long>> batches(List<Long> ids) {
        List<List<Long>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        return batches;
    }
}
