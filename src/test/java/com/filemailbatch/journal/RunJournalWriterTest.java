package com.filemailbatch.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows by outcome, counted as the journal records them: every outcome at zero first; a chunk counts once its
 * transaction (a real one, on H2) commits, and not at all when it rolls back (its rows are written again, and
 * counted then).
 */
class RunJournalWriterTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final List<JournalEntry> inserted = new ArrayList<>();
    private final RunJournalWriter writer = new RunJournalWriter(chunk -> inserted.addAll(chunk.getItems()), registry);
    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(h2()));

    @Test
    void everyOutcomeIsThereAtZeroBeforeTheFirstRow() {
        for (Outcome outcome : Outcome.values()) {
            assertThat(rows(outcome.name().toLowerCase(Locale.ROOT))).as(outcome.name()).isZero();
        }
    }

    @Test
    void aChunkCountsByOutcomeOnceItsTransactionCommits() {
        transaction.executeWithoutResult(status -> {
            write(entry(Outcome.INITIALIZED), entry(Outcome.INITIALIZED), entry(Outcome.REJECTED));
            assertThat(rows("initialized")).as("not before the commit").isZero();
        });

        assertThat(rows("initialized")).isEqualTo(2);
        assertThat(rows("rejected")).isEqualTo(1);
        assertThat(inserted).hasSize(3);
    }

    @Test
    void aChunkRolledBackIsNotCounted() {
        transaction.executeWithoutResult(status -> {
            write(entry(Outcome.DEFERRED));
            status.setRollbackOnly();
        });

        assertThat(rows("deferred")).isZero();
    }

    @Test
    void withoutATransactionTheRowsCountAtOnce() {
        write(entry(Outcome.CANCELLED));

        assertThat(rows("cancelled")).isEqualTo(1);
    }

    private void write(JournalEntry... entries) {
        try {
            writer.write(new Chunk<>(entries));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private double rows(String outcome) {
        return registry.get("filemail.batch.rows").tag("outcome", outcome).counter().count();
    }

    private static JournalEntry entry(Outcome outcome) {
        return new JournalEntry(1, "initializeTransfersStep", 2L, "REF-" + UUID.randomUUID(), outcome, null, null,
                null);
    }

    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:journal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }
}
