package com.filemailbatch.workers;

import java.time.OffsetDateTime;

/**
 * A row of {@code upload_partition}: one partition of a run's upload step and the worker that ran it.
 *
 * @param outcome the batch status the partition ended with, null until it ended
 */
public record UploadPartition(long stepExecutionId, long jobExecutionId, String partitionName, int transfers,
        PartitionState state, String worker, int attempts, OffsetDateTime sentAt, OffsetDateTime claimedAt,
        OffsetDateTime heartbeatAt, OffsetDateTime endedAt, long bytesSent, String outcome) {
}
