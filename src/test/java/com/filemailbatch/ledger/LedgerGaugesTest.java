package com.filemailbatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The ledger's rows per status on a real ledger (H2) and a real registry: every status is a gauge; the database is
 * asked at most once per freshness period, however many gauges are read; when it cannot answer, the last counts stay.
 */
class LedgerGaugesTest {

    private final TestLedger ledger = TestLedger.create();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong nanoTime = new AtomicLong();
    private final AtomicLong queries = new AtomicLong();

    @Test
    void eachStatusIsAGaugeOfItsRowsCountedOncePerFreshnessPeriod() {
        long execution = ledger.execution(1);
        claim("A-1", execution);
        claim("A-2", execution);
        new LedgerGauges(() -> {
            queries.incrementAndGet();
            return ledger.repository().countByStatus();
        }, nanoTime::get).bindTo(registry);

        assertThat(transfers("pending")).isEqualTo(2);
        assertThat(transfers("completed")).isZero();
        assertThat(registry.get(LedgerGauges.NAME).gauges()).hasSize(TransferStatus.values().length);
        assertThat(queries).as("one query for every gauge read").hasValue(1);

        ledger.repository().markUnsent("A-1", TransferStatus.DEFERRED, "ApiKeyQuotaExceeded", "quota");
        assertThat(transfers("deferred")).as("still fresh").isZero();
        nanoTime.addAndGet(LedgerGauges.FRESH_FOR.toNanos());

        assertThat(transfers("deferred")).isEqualTo(1);
        assertThat(transfers("pending")).isEqualTo(1);
        assertThat(queries).hasValue(2);
    }

    @Test
    void aDatabaseThatCannotAnswerLeavesTheLastCounts() {
        claim("B-1", ledger.execution(2));
        new LedgerGauges(ledger.repository()::countByStatus, nanoTime::get).bindTo(registry);
        assertThat(transfers("pending")).isEqualTo(1);

        ledger.down(true);
        nanoTime.addAndGet(LedgerGauges.FRESH_FOR.toNanos());

        assertThat(transfers("pending")).isEqualTo(1);
    }

    @Test
    void beforeTheDatabaseFirstAnswersTheCountsAreUnknown() {
        ledger.down(true);
        new LedgerGauges(ledger.repository()::countByStatus, nanoTime::get).bindTo(registry);

        assertThat(transfers("pending")).isNaN();
    }

    private double transfers(String status) {
        return registry.get(LedgerGauges.NAME).tag("status", status).gauge().value();
    }

    private void claim(String reference, long execution) {
        ledger.repository().claim(new Claim(reference, "Subject " + reference, List.of("ann@example.com"), List.of(),
                "in.csv", 2, execution, "{}"));
    }
}
