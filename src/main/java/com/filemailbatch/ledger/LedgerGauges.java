package com.filemailbatch.ledger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code filemail.batch.ledger.transfers}: the ledger's rows per status, one gauge per {@link TransferStatus}.
 * Counted by the database only when a gauge is read (a scrape), and at most once per {@link #FRESH_FOR} whatever
 * the number of gauges and scrapes: one {@code GROUP BY} on the status index. A command that nobody scrapes never
 * counts. When the database cannot answer, the last counts are kept (NaN before the first).
 */
class LedgerGauges implements MeterBinder {

    static final String NAME = "filemail.batch.ledger.transfers";
    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(LedgerGauges.class);

    private final Supplier<Map<TransferStatus, Long>> counter;
    private final LongSupplier nanoTime;
    /** Null until the database first answered: the gauges then read NaN (unknown), not 0. */
    private Map<TransferStatus, Long> counts;
    private long countedAt;
    private boolean counted;

    /**
     * @param counter  the rows per status, from the ledger ({@link LedgerRepository#countByStatus})
     * @param nanoTime the clock of the freshness period ({@code System::nanoTime})
     */
    LedgerGauges(Supplier<Map<TransferStatus, Long>> counter, LongSupplier nanoTime) {
        this.counter = counter;
        this.nanoTime = nanoTime;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (TransferStatus status : TransferStatus.values()) {
            Gauge.builder(NAME, this, gauges -> gauges.count(status))
                    .description("Rows of the ledger (transfer definitions) in each status")
                    .baseUnit("transfers")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    /** The status's count, counted afresh when the last count is older than {@link #FRESH_FOR}. */
    synchronized double count(TransferStatus status) {
        long now = nanoTime.getAsLong();
        if (!counted || now - countedAt >= FRESH_FOR.toNanos()) {
            try {
                counts = Map.copyOf(counter.get());
            } catch (RuntimeException e) {
                // Serve compacts the embedded database between launches; a scrape meanwhile keeps the last counts.
                LOG.debug("counting the ledger by status failed; keeping the last counts", e);
            }
            countedAt = now;
            counted = true;
        }
        return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
    }
}
