package com.filemailbatch.audit;

import com.filemailbatch.workers.UploadPartition;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * One partition of a run's uploads and the worker that ran it, as {@code upload_partition} records it (runs with
 * {@code filemail.workers.enabled} only). Times are local times of this machine, like the job history's; start,
 * end and duration are those of the latest attempt: from its claim to its end, or until now while it runs.
 *
 * @param partition  the partition's name ({@code run42-p3}; its step execution is {@code uploadPartitionStep:run42-p3})
 * @param worker     the worker that claimed it last ({@code pid@host} or its {@code --name}), null if none did
 * @param state      WAITING, RUNNING, ENDED or WITHDRAWN
 * @param outcome    the batch status it ended with, null until it ended
 * @param transfers  how many transfers it was given
 * @param bytesSent  the file bytes its workers sent, every attempt together
 * @param attempts   how many times a worker claimed it (more than one: a worker died or handed it back)
 * @param durationMs null when no worker is on it or finished it
 */
public record PartitionRecord(
        String partition,
        String worker,
        String state,
        String outcome,
        int transfers,
        long bytesSent,
        int attempts,
        LocalDateTime startTime,
        LocalDateTime endTime,
        Long durationMs) {

    /** @param now the database's clock, for the duration of a partition still running */
    static PartitionRecord of(UploadPartition row, OffsetDateTime now) {
        Long duration = row.claimedAt() == null ? null : switch (row.state()) {
            case RUNNING -> Duration.between(row.claimedAt(), now).toMillis();
            case ENDED -> Duration.between(row.claimedAt(), row.endedAt()).toMillis();
            // Handed back or never claimed: no worker is on it now.
            case WAITING, WITHDRAWN -> null;
        };
        return new PartitionRecord(row.partitionName(), row.worker(), row.state().name(), row.outcome(),
                row.transfers(), row.bytesSent(), row.attempts(), local(row.claimedAt()),
                local(row.endedAt()), duration == null ? null : Math.max(0, duration));
    }

    private static LocalDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
    }
}
