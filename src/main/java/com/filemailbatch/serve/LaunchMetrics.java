package com.filemailbatch.serve;

import com.filemailbatch.launch.Launch;
import com.filemailbatch.jobs.DefinitionState;
import com.filemailbatch.jobs.DefinitionStateRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * serve's own counters, beside Spring Batch's {@code spring.batch.*} observations: launches by trigger, skipped
 * launches by reason, and outcomes. Read them at {@code /actuator/metrics/filemail.batch.launches} and so on.
 */
final class LaunchMetrics {

    static final String LAUNCHES = "filemail.batch.launches";
    static final String SKIPPED = "filemail.batch.launches.skipped";
    static final String OUTCOMES = "filemail.batch.launch.outcomes";
    static final String LAST_SUCCESS = "filemail.batch.definition.last.success";

    private final MeterRegistry registry;
    private final DefinitionStateRepository states;

    LaunchMetrics(MeterRegistry registry, DefinitionStateRepository states) {
        this.registry = registry;
        this.states = states;
    }

    /**
     * Registers the counters at zero, so that a scrape sees them before the first launch, and the time of the
     * definition's last completed run (whoever ran it: this serve, another, or run --job from cron), which an
     * alert on "no successful nightly run in 26 h" reads.
     */
    void register(String definition) {
        launches(definition, "schedule");
        skipped(definition, "locked");
        Gauge.builder(LAST_SUCCESS, states, s -> lastSuccess(s, definition)).baseUnit("seconds")
                .description("When a run of the definition last completed, in seconds since the epoch (NaN: never)")
                .tag("definition", definition).register(registry);
    }

    private static double lastSuccess(DefinitionStateRepository states, String definition) {
        try {
            return states.find(definition).map(DefinitionState::lastSuccess)
                    .map(at -> at.toEpochMilli() / 1000.0).orElse(Double.NaN);
        } catch (RuntimeException databaseUnreachable) {
            return Double.NaN;
        }
    }

    void launched(String definition, String trigger) {
        launches(definition, trigger).increment();
    }

    void ended(String definition, Launch launch) {
        Counter.builder(OUTCOMES).description("Launches by how they ended").tag("definition", definition)
                .tag("outcome", launch.outcome().tag()).register(registry).increment();
        if (launch.outcome().skipped()) {
            skipped(definition, launch.outcome() == Launch.Outcome.SKIPPED_LOCKED ? "locked" : "running").increment();
        }
    }

    void crashed(String definition) {
        Counter.builder(OUTCOMES).tag("definition", definition).tag("outcome", "error").register(registry)
                .increment();
    }

    private Counter launches(String definition, String trigger) {
        return Counter.builder(LAUNCHES).description("Launches of job definitions").tag("definition", definition)
                .tag("trigger", trigger).register(registry);
    }

    private Counter skipped(String definition, String reason) {
        return Counter.builder(SKIPPED).description("Launches not started, by reason")
                .tag("definition", definition).tag("reason", reason).register(registry);
    }
}
