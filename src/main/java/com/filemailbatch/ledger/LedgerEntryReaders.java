package com.filemailbatch.ledger;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.jdbc.core.DataClassRowMapper;

/**
 * Readers of ledger rows for the steps that work through the ledger, one per selection a step needs, so that the
 * conditions on the ledger's columns and statuses live beside the table. Paged by id (keyset paging), so rows that
 * leave the selection while the step runs (cancelled, sent) do not shift the pages and no row is skipped.
 */
public final class LedgerEntryReaders {

    /** Rows whose files are to be uploaded: they name files and are not completed (nor cancelled) yet. */
    static final String UPLOADABLE = "status IN (" + list(TransferStatus.INITIALIZED, TransferStatus.UPLOADING)
            + ") AND files IS NOT NULL";

    private LedgerEntryReaders() {
    }

    /**
     * Rows an earlier execution left unsent (deferred by the quota, failed after retries, or pending after a crash)
     * whose request is stored, so they can be sent without their CSV. Rows of {@code currentExecution} are left to
     * the step that claimed them.
     */
    public static JdbcPagingItemReader<LedgerEntry> unsent(String name, DataSource dataSource,
            long currentExecution) throws Exception {
        return reader(name, dataSource, "status IN (" + list(TransferStatus.DEFERRED, TransferStatus.FAILED,
                TransferStatus.PENDING) + ") AND request_enc IS NOT NULL AND job_execution_id <> :currentExecution",
                Map.of("currentExecution", currentExecution));
    }

    /** Transfers whose row names files and which are not completed yet: new ones, and those left unfinished. */
    public static JdbcPagingItemReader<LedgerEntry> toUpload(String name, DataSource dataSource) throws Exception {
        return reader(name, dataSource, UPLOADABLE, Map.of());
    }

    /** {@link #toUpload} within a range of ledger ids, both ends included: one partition of the uploads. */
    public static JdbcPagingItemReader<LedgerEntry> toUpload(String name, DataSource dataSource, long firstId,
            long lastId) throws Exception {
        return reader(name, dataSource, UPLOADABLE + " AND id BETWEEN :firstId AND :lastId",
                Map.of("firstId", firstId, "lastId", lastId));
    }

    /**
     * Transfers initialized before the cut-off and never completed, or stuck in UPLOADING with no progress since the
     * cut-off. Transfers {@code currentExecution} created are left alone.
     */
    public static JdbcPagingItemReader<LedgerEntry> stale(String name, DataSource dataSource, OffsetDateTime cutoff,
            long currentExecution) throws Exception {
        return reader(name, dataSource, "((status = '" + TransferStatus.INITIALIZED + "' AND initialized_at < :cutoff) "
                // updated_at of an UPLOADING row moves with every accepted chunk: its last progress.
                + "OR (status = '" + TransferStatus.UPLOADING + "' AND updated_at < :cutoff)) "
                + "AND job_execution_id <> :currentExecution",
                Map.of("cutoff", cutoff, "currentExecution", currentExecution));
    }

    /** The transfer of {@code reference} if it can be cancelled (INITIALIZED or UPLOADING), whatever its age. */
    public static JdbcPagingItemReader<LedgerEntry> cancellable(String name, DataSource dataSource, String reference)
            throws Exception {
        return reader(name, dataSource, "status IN (" + list(TransferStatus.INITIALIZED, TransferStatus.UPLOADING)
                + ") AND reference = :reference", Map.of("reference", reference));
    }

    private static JdbcPagingItemReader<LedgerEntry> reader(String name, DataSource dataSource, String where,
            Map<String, Object> parameters) throws Exception {
        return new JdbcPagingItemReaderBuilder<LedgerEntry>()
                .name(name)
                .dataSource(dataSource)
                .selectClause("SELECT " + LedgerRepository.ENTRY_COLUMNS)
                .fromClause("FROM transfer_ledger")
                .whereClause("WHERE " + where)
                .parameterValues(parameters)
                .sortKeys(Map.of("id", Order.ASCENDING))
                .rowMapper(new DataClassRowMapper<>(LedgerEntry.class))
                .pageSize(100)
                .build();
    }

    /** Statuses as an SQL list of literals: they are enum names, never user input. */
    static String list(TransferStatus... statuses) {
        return Stream.of(statuses).map(status -> "'" + status.name() + "'").collect(Collectors.joining(", "));
    }
}
