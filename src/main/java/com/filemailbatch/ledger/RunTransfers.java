package com.filemailbatch.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The ledger as the audit views and the run's report read it: what one run recorded, never a transfer key. */
@Repository
public class RunTransfers {

    /** Bind parameters per IN list, well below every database's limit. */
    private static final int IN_LIST_LIMIT = 500;

    private final JdbcTemplate jdbc;

    RunTransfers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows a run claimed, counted per status (ordered by status name). */
    public Map<String, Long> countByStatus(long jobExecutionId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM transfer_ledger WHERE job_execution_id = ? GROUP BY status "
                + "ORDER BY status", rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, jobExecutionId);
        return counts;
    }

    /** The rows a run claimed, in input order. */
    public List<TransferRecord> claimedBy(long jobExecutionId) {
        return jdbc.query("SELECT reference, status, transfer_id AS transferId, source_line AS sourceLine, "
                + "last_error_status AS lastErrorStatus FROM transfer_ledger WHERE job_execution_id = ? "
                + "ORDER BY source_line, id", new DataClassRowMapper<>(TransferRecord.class), jobExecutionId);
    }

    /**
     * The download link and the size of the files of each of these transfers that the ledger holds.
     *
     * @return by transfer id; a transfer the ledger does not hold (purged) is absent
     */
    public Map<String, Delivered> delivered(Collection<String> transferIds) {
        List<String> ids = new ArrayList<>(transferIds);
        Map<String, Delivered> delivered = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST_LIMIT) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST_LIMIT));
            jdbc.query("SELECT l.transfer_id, l.download_url, "
                    + "(SELECT COALESCE(SUM(p.size), 0) FROM transfer_upload_progress p WHERE p.ledger_id = l.id) "
                    + "FROM transfer_ledger l WHERE l.transfer_id IN ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ")", rs -> {
                        delivered.put(rs.getString(1), new Delivered(rs.getString(2), rs.getLong(3)));
                    }, part.toArray());
        }
        return delivered;
    }

    /**
     * What a completed transfer delivered.
     *
     * @param downloadUrl the shared download link Filemail returned (null if it sent none)
     * @param bytes       the size of the transfer's files
     */
    public record Delivered(String downloadUrl, long bytes) {
    }
}
