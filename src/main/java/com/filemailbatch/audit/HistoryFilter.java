package com.filemailbatch.audit;

import java.time.LocalDateTime;

/**
 * Which runs {@code history} lists.
 *
 * @param limit  at most this many, newest first
 * @param status only runs with this batch status or exit code (e.g. FAILED, COMPLETED_WITH_PROBLEMS); null for all
 * @param since  only runs started at or after this moment (the job repository's local time); null for all
 */
public record HistoryFilter(int limit, String status, LocalDateTime since) {
}
