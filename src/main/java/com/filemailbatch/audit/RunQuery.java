package com.filemailbatch.audit;

import java.time.LocalDateTime;

/**
 * Which runs to list, newest first: every filter is optional (null).
 *
 * @param job           the Spring Batch job's name (sendTransfersJob, cleanupStaleTransfersJob)
 * @param definition    the job definition that launched them (its {@code definition} job parameter)
 * @param definitionInput with {@code definition}: runs of this input file count as the definition's too, however
 *                      launched ({@code run --input} of the same file)
 * @param status        a batch status or exit code (FAILED, COMPLETED_WITH_PROBLEMS, …)
 * @param since         started (or, never started, created) at or after this local time of the job repository
 * @param until         … and before this one
 * @param inputContains a part of the input file's path, any case
 * @param offset        runs skipped, for the pages after the first
 * @param limit         runs at most
 */
public record RunQuery(String job, String definition, String definitionInput, String status, LocalDateTime since,
        LocalDateTime until, String inputContains, int offset, int limit) {

    /** The newest {@code limit} runs. */
    public static RunQuery newest(int limit) {
        return new RunQuery(null, null, null, null, null, null, null, 0, limit);
    }
}
