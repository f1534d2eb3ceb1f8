package com.filemailbatch.liveness;

import java.time.OffsetDateTime;

/** The process that runs a job execution, and when it last said so. */
public record RunOwner(long jobExecutionId, String host, long pid, OffsetDateTime startedAt,
        OffsetDateTime heartbeatAt) {
}
