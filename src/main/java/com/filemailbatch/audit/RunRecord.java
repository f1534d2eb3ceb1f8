package com.filemailbatch.audit;

import java.time.LocalDateTime;
import java.util.Map;

/** One job execution as the history lists it. Outcome counts come from the run journal. */
public record RunRecord(
        long executionId,
        String jobName,
        String status,
        String exitCode,
        String exitMessage,
        LocalDateTime startTime,
        LocalDateTime endTime,
        String input,
        String runDate,
        boolean dryRun,
        Map<String, Long> outcomes,
        /** The job definition that launched it ({@code run --job}, serve, the dashboard), or null. */
        String definition) {
}
