package com.filemailbatch.journal;

import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The run journal's writer, shared by every step that acts on items: one batched insert per chunk. */
@Configuration(proxyBeanMethods = false)
class JournalConfiguration {

    @Bean
    JdbcBatchItemWriter<JournalEntry> runJournalWriter(DataSource dataSource) {
        return new JdbcBatchItemWriterBuilder<JournalEntry>()
                .dataSource(dataSource)
                .sql("INSERT INTO run_journal (job_execution_id, step_name, source_line, reference, outcome, "
                        + "column_name, reason, transfer_id) VALUES (:jobExecutionId, :stepName, :sourceLine, "
                        + ":reference, :outcomeName, :columnName, :reason, :transferId)")
                .beanMapped()
                .assertUpdates(true)
                .build();
    }
}
