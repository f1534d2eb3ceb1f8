package com.filemailbatch.journal;

import com.filemailbatch.text.ColumnText;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Types;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The run journal's writer, shared by every step that acts on items: one batched insert per chunk, its rows counted
 * by outcome once committed.
 */
@Configuration(proxyBeanMethods = false)
class JournalConfiguration {

    @Bean
    ItemWriter<JournalEntry> runJournalWriter(DataSource dataSource, MeterRegistry meterRegistry) {
        return new RunJournalWriter(journalInsert(dataSource), meterRegistry);
    }

    private static JdbcBatchItemWriter<JournalEntry> journalInsert(DataSource dataSource) {
        JdbcBatchItemWriter<JournalEntry> insert = new JdbcBatchItemWriterBuilder<JournalEntry>()
                .dataSource(dataSource)
                .sql("INSERT INTO run_journal (job_execution_id, step_name, source_line, reference, outcome, "
                        + "column_name, reason, transfer_id) VALUES (:jobExecutionId, :stepName, :sourceLine, "
                        + ":reference, :outcome, :columnName, :reason, :transferId)")
                .itemSqlParameterSourceProvider(JournalConfiguration::parameters)
                .assertUpdates(true)
                .build();
        // Not a bean of its own, so its checks (and the named parameters' parsing) are started here.
        insert.afterPropertiesSet();
        return insert;
    }

    private static SqlParameterSource parameters(JournalEntry entry) {
        return new MapSqlParameterSource()
                .addValue("jobExecutionId", entry.jobExecutionId())
                .addValue("stepName", entry.stepName())
                .addValue("sourceLine", entry.sourceLine(), Types.BIGINT)
                .addValue("reference", entry.reference(), Types.VARCHAR)
                .addValue("outcome", entry.outcome().name())
                .addValue("columnName", ColumnText.cut(entry.columnName(), 100), Types.VARCHAR)
                .addValue("reason", ColumnText.cut(entry.reason(), 2000), Types.VARCHAR)
                .addValue("transferId", entry.transferId(), Types.VARCHAR);
    }
}
