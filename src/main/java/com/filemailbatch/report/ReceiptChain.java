package com.filemailbatch.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code run_receipt} table: where the chain of receipts is kept besides the files, so that removing or
 * altering any receipt file, the newest included, is detected.
 */
public final class ReceiptChain {

    /** What the first receipt names as its predecessor. */
    public static final String GENESIS = "0".repeat(64);

    private static final String COLUMNS = "SELECT chain_position AS position, job_execution_id AS executionId, "
            + "file_name AS fileName, sha256, previous_sha256 AS previousSha256 FROM run_receipt ";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final DataClassRowMapper<ChainLink> mapper = new DataClassRowMapper<>(ChainLink.class);

    public ReceiptChain(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        // The report step runs inside its step's transaction; a lost race must not roll that back (PostgreSQL
        // aborts a whole transaction after a failed statement), so each append commits on its own.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The newest receipt, if any was written. */
    Optional<ChainLink> head() {
        List<ChainLink> head = jdbc.query(COLUMNS + "ORDER BY chain_position DESC FETCH FIRST 1 ROWS ONLY", mapper);
        return head.stream().findFirst();
    }

    Optional<ChainLink> forExecution(long executionId) {
        return jdbc.query(COLUMNS + "WHERE job_execution_id = ?", mapper, executionId).stream().findFirst();
    }

    /**
     * Records {@code link} as the new head and runs {@code publish} (moving the file into place) in the same
     * transaction. False when another process appended first: the caller rewrites against the new head.
     */
    boolean append(ChainLink link, Runnable publish) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO run_receipt (chain_position, job_execution_id, file_name, sha256, "
                        + "previous_sha256, written_at) VALUES (?, ?, ?, ?, ?, ?)", link.position(),
                        link.executionId(), link.fileName(), link.sha256(), link.previousSha256(),
                        OffsetDateTime.now(ZoneOffset.UTC));
                publish.run();
            });
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** Every link in chain order, streamed. */
    public void forEach(Consumer<ChainLink> action) {
        jdbc.query(COLUMNS + "ORDER BY chain_position", rs -> {
            action.accept(mapper.mapRow(rs, 0));
        });
    }
}
