package com.filemailbatch.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The dead man's switch's arithmetic: which fire time is missed, and when. */
class DeadlineTest {

    /** 01:30 Oslo every night (00:30 UTC in winter), due two hours later. */
    private final JobDefinition nightly = new JobDefinition(Path.of("jobs/nightly.properties"),
            JobDefinition.Kind.SEND, "0 30 1 * * *", ZoneId.of("Europe/Oslo"), Path.of("in.csv"), null,
            Duration.ofDays(1), Duration.ofHours(2), Notify.UNSET);

    @Test
    void aRunThatCompletedAfterTheFireTimeKeepsItOnTime() {
        DefinitionState state = new DefinitionState("nightly", at("2026-11-01T00:00:00Z"),
                at("2026-11-30T00:45:00Z"), null);

        assertThat(Deadline.check(nightly, state, at("2026-11-30T09:00:00Z"))).isEmpty();
        assertThat(Deadline.dueBy(nightly, state)).contains(at("2026-12-01T02:30:00Z"));
    }

    @Test
    void noRunSinceTheFireTimeIsOverdueOnceTheDeadlineHasPassed() {
        DefinitionState state = new DefinitionState("nightly", at("2026-11-01T00:00:00Z"),
                at("2026-11-29T00:45:00Z"), null);

        assertThat(Deadline.check(nightly, state, at("2026-11-30T02:29:59Z"))).as("not yet").isEmpty();
        assertThat(Deadline.check(nightly, state, at("2026-11-30T02:30:00Z"))).hasValueSatisfying(overdue -> {
            assertThat(overdue.definition()).isEqualTo("nightly");
            assertThat(overdue.fire()).isEqualTo(at("2026-11-30T00:30:00Z"));
            assertThat(overdue.dueBy()).isEqualTo(at("2026-11-30T02:30:00Z"));
            assertThat(overdue.lastSuccess()).isEqualTo(at("2026-11-29T00:45:00Z"));
        });
    }

    @Test
    void aWeekDownIsOneMissTheFirstFireTimeAfterTheLastSuccess() {
        DefinitionState state = new DefinitionState("nightly", at("2026-11-01T00:00:00Z"),
                at("2026-11-22T00:45:00Z"), null);

        assertThat(Deadline.check(nightly, state, at("2026-11-30T09:00:00Z")).orElseThrow().fire())
                .isEqualTo(at("2026-11-23T00:30:00Z"));
    }

    @Test
    void fireTimesBeforeWatchingBeganAreNotMissed() {
        DefinitionState neverRun = new DefinitionState("nightly", at("2026-11-30T09:00:00Z"), null, null);

        assertThat(Deadline.check(nightly, neverRun, at("2026-11-30T09:00:01Z"))).isEmpty();
        assertThat(Deadline.check(nightly, neverRun, at("2026-12-01T02:30:00Z"))).hasValueSatisfying(overdue ->
                assertThat(overdue.lastSuccess()).isNull());
    }

    @Test
    void aDefinitionWithoutDeadlineIsNeverOverdue() {
        JobDefinition noDeadline = new JobDefinition(nightly.file(), nightly.job(), nightly.schedule(), nightly.zone(),
                nightly.input(), null, nightly.staleAfter());

        assertThat(Deadline.check(noDeadline, new DefinitionState("nightly", at("2020-01-01T00:00:00Z"), null, null),
                at("2026-11-30T09:00:00Z"))).isEmpty();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
