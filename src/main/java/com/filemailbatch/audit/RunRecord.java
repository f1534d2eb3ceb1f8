package com.filemailbatch.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDateTime;
import java.util.List;
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
        String definition,
        /** Its upload partitions and their workers (filemail.workers.enabled); empty, and left out of JSON, else. */
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PartitionRecord> partitions) {
}
