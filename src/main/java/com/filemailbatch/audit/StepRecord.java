package com.filemailbatch.audit;

import java.time.LocalDateTime;

/** One step execution of a run, with Spring Batch's own counters. */
public record StepRecord(
        String stepName,
        String status,
        long readCount,
        long writeCount,
        long filterCount,
        long commitCount,
        long rollbackCount,
        LocalDateTime startTime,
        LocalDateTime endTime,
        String exitCode,
        String exitMessage) {
}
