package com.filemailbatch.ledger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The ledger's side of purging history. Unlike {@link LedgerRepository}, these run in the caller's transaction: a
 * purge deletes the ledger rows and the job history together, and a dry run rolls both back.
 */
@Repository
public class LedgerRetention {

    /** Statuses whose transfer is final: nothing will ever be done with the row again. */
    public static final Set<TransferStatus> FINAL = EnumSet.of(TransferStatus.COMPLETED, TransferStatus.CANCELLED,
            TransferStatus.EXPIRED, TransferStatus.REJECTED);

    private final JdbcTemplate jdbc;

    LedgerRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes the rows in a final status last updated before the cut-off (their upload progress goes with them).
     *
     * @return the rows deleted
     */
    public long deleteFinalBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM transfer_ledger WHERE status IN ("
                + LedgerEntryReaders.list(FINAL.toArray(TransferStatus[]::new)) + ") AND updated_at < ?",
                OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
    }

    /** The job executions that some remaining row names: their history must stay. */
    public Set<Long> referencedExecutions() {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT job_execution_id FROM transfer_ledger "
                + "WHERE job_execution_id IS NOT NULL", Long.class));
    }
}
