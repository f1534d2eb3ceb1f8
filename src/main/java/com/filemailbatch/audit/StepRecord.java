package com.filemailbatch.audit;

import java.time.LocalDateTime;

/** One step execution of a run, with Spring Batch's own counters. */
public record StepRecord(
        String stepName,
        String status,
        long readCount,
        long writeCount,
        /** Items skipped on read, process or write (the jobs record bad rows in the journal instead of skipping). */
        long skipCount,
        long filterCount,
        long commitCount,
        long rollbackCount,
        LocalDateTime startTime,
        LocalDateTime endTime,
        String exitCode,
        String exitMessage) {
}
