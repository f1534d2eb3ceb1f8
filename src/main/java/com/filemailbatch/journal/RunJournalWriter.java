package com.filemailbatch.journal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes journal entries (through the batched insert it wraps) and counts them by outcome in
 * {@code filemail.batch.rows}: the one place where every step's outcomes are recorded, so the one place they are
 * counted. Counted once the transaction that wrote them commits: a chunk rolled back and written again counts once.
 */
final class RunJournalWriter implements ItemWriter<JournalEntry> {

    static final String ROWS = "filemail.batch.rows";

    private final ItemWriter<JournalEntry> insert;
    private final Map<Outcome, Counter> rows = new EnumMap<>(Outcome.class);

    RunJournalWriter(ItemWriter<JournalEntry> insert, MeterRegistry registry) {
        this.insert = insert;
        for (Outcome outcome : Outcome.values()) {
            // Every outcome at zero, so that a scrape sees them all before the first run.
            rows.put(outcome, Counter.builder(ROWS)
                    .description("Rows and transfers handled by runs, by their outcome in the run journal")
                    .baseUnit("rows")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    @Override
    public void write(Chunk<? extends JournalEntry> entries) throws Exception {
        insert.write(entries);
        Map<Outcome, Integer> written = new EnumMap<>(Outcome.class);
        for (JournalEntry entry : entries) {
            written.merge(entry.outcome(), 1, Integer::sum);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count(written);
                }
            });
        } else {
            count(written);
        }
    }

    private void count(Map<Outcome, Integer> written) {
        written.forEach((outcome, count) -> rows.get(outcome).increment(count));
    }
}
