package com.filemailbatch.workers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code upload_partition}, and its only reader and writer: the partitions of runs' upload steps, who claimed each and
 * when it last showed signs of life. Every time is the database's clock ({@code CURRENT_TIMESTAMP}), the one clock the
 * manager and workers of different machines share.
 */
@Repository
public class UploadPartitions {

    private static final String SELECT = "SELECT step_execution_id, job_execution_id, partition_name, transfers, state, "
            + "worker, attempts, sent_at, claimed_at, heartbeat_at, ended_at, bytes_sent, outcome FROM upload_partition ";

    private final JdbcTemplate jdbc;

    UploadPartitions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the partition as sent and waiting for a worker (once: sending it again changes nothing). */
    void add(long stepExecutionId, long jobExecutionId, String partitionName, int transfers) {
        try {
            jdbc.update("INSERT INTO upload_partition (step_execution_id, job_execution_id, partition_name, transfers, "
                    + "state, attempts, sent_at, bytes_sent) VALUES (?, ?, ?, ?, ?, 0, CURRENT_TIMESTAMP, 0)",
                    stepExecutionId, jobExecutionId, partitionName, transfers, PartitionState.WAITING.name());
        } catch (DuplicateKeyException sentBefore) {
            // Recorded when it was first sent.
        }
    }

    /**
     * Takes the partition for {@code worker}: a waiting one, or a running one whose worker went silent for
     * {@code lostAfter}. @return false when it ended, was withdrawn, or a live worker holds it
     */
    boolean claim(long stepExecutionId, String worker, Duration lostAfter) {
        return jdbc.update("UPDATE upload_partition SET state = ?, worker = ?, attempts = attempts + 1, "
                + "claimed_at = CURRENT_TIMESTAMP, heartbeat_at = CURRENT_TIMESTAMP WHERE step_execution_id = ? "
                + "AND (state = ? OR (state = ? AND heartbeat_at < ?))", PartitionState.RUNNING.name(), worker,
                stepExecutionId, PartitionState.WAITING.name(), PartitionState.RUNNING.name(),
                databaseNow().minus(lostAfter)) == 1;
    }

    /**
     * The worker is alive and has sent {@code moreBytes} since its last beat. @return false when the partition is no
     * longer its own (taken over after it went silent, or withdrawn): it must stop
     */
    boolean beat(long stepExecutionId, String worker, long moreBytes) {
        return jdbc.update("UPDATE upload_partition SET heartbeat_at = CURRENT_TIMESTAMP, bytes_sent = bytes_sent + ? "
                + "WHERE step_execution_id = ? AND worker = ? AND state = ?", moreBytes, stepExecutionId, worker,
                PartitionState.RUNNING.name()) == 1;
    }

    /** The worker finished the partition with {@code outcome} (a batch status). */
    void end(long stepExecutionId, String worker, String outcome, long moreBytes) {
        jdbc.update("UPDATE upload_partition SET state = ?, outcome = ?, ended_at = CURRENT_TIMESTAMP, "
                + "heartbeat_at = CURRENT_TIMESTAMP, bytes_sent = bytes_sent + ? WHERE step_execution_id = ? "
                + "AND worker = ? AND state = ?", PartitionState.ENDED.name(), outcome, moreBytes, stepExecutionId,
                worker, PartitionState.RUNNING.name());
    }

    /**
     * The worker gives the partition back unfinished (it is shutting down): waiting again, for the next worker that
     * receives its request. @return false when it was no longer its own
     */
    boolean release(long stepExecutionId, String worker, long moreBytes) {
        return jdbc.update("UPDATE upload_partition SET state = ?, worker = NULL, bytes_sent = bytes_sent + ? "
                + "WHERE step_execution_id = ? AND worker = ? AND state = ?", PartitionState.WAITING.name(), moreBytes,
                stepExecutionId, worker, PartitionState.RUNNING.name()) == 1;
    }

    /** Withdraws the partition if no worker claimed it yet. @return whether it was waiting (and now never starts) */
    boolean withdraw(long stepExecutionId) {
        return jdbc.update("UPDATE upload_partition SET state = ?, ended_at = CURRENT_TIMESTAMP WHERE "
                + "step_execution_id = ? AND state = ?", PartitionState.WITHDRAWN.name(), stepExecutionId,
                PartitionState.WAITING.name()) == 1;
    }

    /** The partitions of a run's upload step, in the order they were made. */
    public List<UploadPartition> of(long jobExecutionId) {
        return jdbc.query(SELECT + "WHERE job_execution_id = ? ORDER BY step_execution_id", UploadPartitions::row,
                jobExecutionId);
    }

    /** The partitions of these runs, in one query (for a page of runs). */
    public List<UploadPartition> of(Collection<Long> jobExecutionIds) {
        if (jobExecutionIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", jobExecutionIds.stream().map(id -> "?").toList());
        return jdbc.query(SELECT + "WHERE job_execution_id IN (" + in + ") ORDER BY step_execution_id",
                UploadPartitions::row, jobExecutionIds.toArray());
    }

    /** Partitions of other runs that a worker still works on (its heartbeat younger than {@code lostAfter}). */
    List<UploadPartition> runningElsewhere(long jobExecutionId, Duration lostAfter) {
        return jdbc.query(SELECT + "WHERE job_execution_id <> ? AND state = ? AND heartbeat_at >= ?",
                UploadPartitions::row, jobExecutionId, PartitionState.RUNNING.name(),
                databaseNow().minus(lostAfter));
    }

    /** Deletes the partitions of these runs (purge). */
    public int deleteOf(Collection<Long> jobExecutionIds) {
        if (jobExecutionIds.isEmpty()) {
            return 0;
        }
        String in = String.join(", ", jobExecutionIds.stream().map(id -> "?").toList());
        return jdbc.update("DELETE FROM upload_partition WHERE job_execution_id IN (" + in + ")",
                jobExecutionIds.toArray());
    }

    /** The database's clock. */
    OffsetDateTime databaseNow() {
        return jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
    }

    private static UploadPartition row(ResultSet rs, int rowNum) throws SQLException {
        return new UploadPartition(rs.getLong("step_execution_id"), rs.getLong("job_execution_id"),
                rs.getString("partition_name"), rs.getInt("transfers"), PartitionState.valueOf(rs.getString("state")),
                rs.getString("worker"), rs.getInt("attempts"), time(rs, "sent_at"), time(rs, "claimed_at"),
                time(rs, "heartbeat_at"), time(rs, "ended_at"), rs.getLong("bytes_sent"), rs.getString("outcome"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
