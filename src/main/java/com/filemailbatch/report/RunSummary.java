package com.filemailbatch.report;

import com.filemailbatch.journal.Outcome;
import java.util.Map;

/** The counts of one job execution, as printed at its end and written to its report. */
public record RunSummary(
        long executionId,
        String jobName,
        boolean dryRun,
        long rowsRead,
        long resumed,
        long initialized,
        long adopted,
        long alreadySent,
        long duplicates,
        long rejected,
        long failed,
        long deferred,
        long cancelled,
        long foundCompleted,
        long foundExpired,
        long wouldSend,
        long wouldCancel,
        long completed,
        long bytesSent) {

    /** Exit code of a job execution that completed with rejected or failed rows (the command exits with 3). */
    public static final String COMPLETED_WITH_PROBLEMS = "COMPLETED_WITH_PROBLEMS";

    /** @param bytesSent the size of the files of the transfers this run completed */
    static RunSummary of(long executionId, String jobName, boolean dryRun, long rowsRead, long resumed,
            Map<Outcome, Long> counts, long bytesSent) {
        return new RunSummary(executionId, jobName, dryRun, rowsRead, resumed,
                count(counts, Outcome.INITIALIZED),
                count(counts, Outcome.ADOPTED),
                count(counts, Outcome.ALREADY_SENT),
                count(counts, Outcome.DUPLICATE),
                count(counts, Outcome.REJECTED),
                count(counts, Outcome.FAILED) + count(counts, Outcome.CANCEL_FAILED)
                        + count(counts, Outcome.UPLOAD_FAILED),
                count(counts, Outcome.DEFERRED),
                count(counts, Outcome.CANCELLED),
                count(counts, Outcome.FOUND_COMPLETED),
                count(counts, Outcome.FOUND_EXPIRED),
                count(counts, Outcome.WOULD_SEND),
                count(counts, Outcome.WOULD_CANCEL),
                count(counts, Outcome.COMPLETED),
                bytesSent);
    }

    /** Rejected, failed or deferred rows make a completed run exit with 3 instead of 0. */
    public boolean hasProblems() {
        return rejected > 0 || failed > 0 || deferred > 0;
    }

    private static long count(Map<Outcome, Long> counts, Outcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }
}
