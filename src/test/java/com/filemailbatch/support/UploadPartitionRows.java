package com.filemailbatch.support;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of {@code upload_partition} as workers leave them, for tests of what show, history and the dashboard print;
 * no worker nor broker needed. Step execution ids are made from the run's id, so each run's rows are its own.
 */
public final class UploadPartitionRows {

    private UploadPartitionRows() {
    }

    /** A partition a worker finished: claimed at {@code claimedAt}, ended {@code millis} later. */
    public static void ended(JdbcTemplate jdbc, long jobExecutionId, int partition, String worker, int transfers,
            long bytes, int attempts, OffsetDateTime claimedAt, long millis, String outcome) {
        insert(jdbc, jobExecutionId, partition, "ENDED", worker, transfers, bytes, attempts, claimedAt,
                claimedAt.plusNanos(millis * 1_000_000), outcome);
    }

    /** A partition a worker is still working on, claimed at {@code claimedAt}. */
    public static void running(JdbcTemplate jdbc, long jobExecutionId, int partition, String worker, int transfers,
            long bytes, OffsetDateTime claimedAt) {
        insert(jdbc, jobExecutionId, partition, "RUNNING", worker, transfers, bytes, 1, claimedAt, null, null);
    }

    private static void insert(JdbcTemplate jdbc, long jobExecutionId, int partition, String state, String worker,
            int transfers, long bytes, int attempts, OffsetDateTime claimedAt, OffsetDateTime endedAt,
            String outcome) {
        jdbc.update("DELETE FROM upload_partition WHERE step_execution_id = ?", stepExecutionId(jobExecutionId,
                partition));
        jdbc.update("INSERT INTO upload_partition (step_execution_id, job_execution_id, partition_name, transfers, "
                + "state, worker, attempts, sent_at, claimed_at, heartbeat_at, ended_at, bytes_sent, outcome) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", stepExecutionId(jobExecutionId, partition),
                jobExecutionId, "run" + jobExecutionId + "-p" + partition, transfers, state, worker, attempts,
                claimedAt.minusSeconds(1), claimedAt, endedAt == null ? claimedAt : endedAt, endedAt, bytes, outcome);
    }

    private static long stepExecutionId(long jobExecutionId, int partition) {
        return 1_000_000_000L + jobExecutionId * 100 + partition;
    }
}
