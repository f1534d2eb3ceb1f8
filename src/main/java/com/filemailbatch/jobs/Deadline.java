package com.filemailbatch.jobs;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * The dead man's switch of one definition: a fire time of its schedule counts as missed when no run of the
 * definition completed after it and its deadline has passed. The first such fire time is the one reported, so a
 * week without runs is one miss, raised once, until a run completes again.
 */
public final class Deadline {

    private Deadline() {
    }

    /**
     * A fire time missed by {@code now}.
     *
     * @param fire  the first fire time after the last success (or after watching began) with no completed run
     * @param dueBy fire plus the deadline: when it became overdue
     */
    public record Overdue(String definition, Instant fire, Instant dueBy, Instant lastSuccess) {
    }

    /** @return the overdue fire time, or empty when the definition is on time (or has no deadline) */
    public static Optional<Overdue> check(JobDefinition definition, DefinitionState state, Instant now) {
        return firstUncoveredFire(definition, state)
                .filter(fire -> !fire.plus(definition.deadline()).isAfter(now))
                .map(fire -> new Overdue(definition.name(), fire, fire.plus(definition.deadline()),
                        state.lastSuccess()));
    }

    /** When the next run must have completed by: the next fire time after the last success, plus the deadline. */
    public static Optional<Instant> dueBy(JobDefinition definition, DefinitionState state) {
        return firstUncoveredFire(definition, state).map(fire -> fire.plus(definition.deadline()));
    }

    private static Optional<Instant> firstUncoveredFire(JobDefinition definition, DefinitionState state) {
        if (definition.deadline() == null || definition.schedule() == null) {
            return Optional.empty();
        }
        Instant coveredUntil = state.lastSuccess() != null && state.lastSuccess().isAfter(state.watchedSince())
                ? state.lastSuccess() : state.watchedSince();
        ZonedDateTime fire = CronExpression.parse(definition.schedule()).next(coveredUntil.atZone(definition.zone()));
        return Optional.ofNullable(fire).map(ZonedDateTime::toInstant);
    }
}
