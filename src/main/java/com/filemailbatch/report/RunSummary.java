package com.filemailbatch.report;

import com.filemailbatch.journal.Outcome;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

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

    /**
     * The counts of a job execution: read from its steps, with the outcomes its run journal counted.
     *
     * @param bytesSent the size of the files of the transfers this run completed
     */
    public static RunSummary of(JobExecution job, Map<Outcome, Long> counts, long bytesSent) {
        return of(job.getId(), job.getJobInstance().getJobName(),
                "true".equals(job.getJobParameters().getString("dryRun")),
                readCount(job, "initializeTransfersStep"), readCount(job, "resumeUnsentTransfersStep"), counts,
                bytesSent);
    }

    private static long readCount(JobExecution job, String stepName) {
        return job.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals(stepName))
                .mapToLong(StepExecution::getReadCount)
                .sum();
    }

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
