package com.filemailbatch.ledger;

import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.jdbc.core.DataClassRowMapper;

/**
 * Readers of ledger rows for the steps that work through the ledger. Paged by id (keyset paging), so rows that
 * leave the selection while the step runs (cancelled, sent) do not shift the pages and no row is skipped.
 */
public final class LedgerEntryReaders {

    private LedgerEntryReaders() {
    }

    /**
     * @param where      the SQL condition, with named parameters
     * @param parameters the values of those parameters
     */
    public static JdbcPagingItemReader<LedgerEntry> reader(String name, DataSource dataSource, String where,
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
}
