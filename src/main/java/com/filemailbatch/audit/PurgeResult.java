package com.filemailbatch.audit;

import java.time.Instant;
import java.util.Map;

/**
 * What {@code purge} deleted (or, in a dry run, would delete).
 *
 * @param cutoff  rows older than this were purged
 * @param deleted table name → rows deleted, in the order they were deleted
 * @param kept    job executions older than the cut-off that were kept: still running, or referenced by a ledger
 *                row whose transfer is not final
 */
public record PurgeResult(Instant cutoff, boolean dryRun, Map<String, Long> deleted, long kept) {

    public long total() {
        return deleted.values().stream().mapToLong(Long::longValue).sum();
    }
}
