package com.filemailbatch.serve;

import com.filemailbatch.jobs.Deadline;
import com.filemailbatch.jobs.DefinitionStateRepository;
import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.ScheduleStateRepository;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.scheduling.support.CronExpression;

/**
 * {@code schedules} in serve's {@code /actuator/health}: each served definition with its job, schedule and zone, the
 * last time its schedule fired (or was made up; {@code schedule_state}; none before it is first served) and the next
 * time it fires; with a {@code deadline}, when its last run completed, when the next must have, and whether it is
 * overdue (the dead man's switch): one overdue definition makes the component DOWN. Times are UTC instants.
 */
final class SchedulesHealthIndicator implements HealthIndicator {

    static final String NAME = "schedules";

    private final List<JobDefinition> definitions;
    private final ScheduleStateRepository schedules;
    private final DefinitionStateRepository states;
    private final Clock clock;

    SchedulesHealthIndicator(List<JobDefinition> definitions, ScheduleStateRepository schedules,
            DefinitionStateRepository states, Clock clock) {
        this.definitions = List.copyOf(definitions);
        this.schedules = schedules;
        this.states = states;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Map<String, Object> byDefinition = new LinkedHashMap<>();
        boolean overdue = false;
        for (JobDefinition definition : definitions) {
            Map<String, Object> details = details(definition);
            overdue |= Boolean.TRUE.equals(details.get("overdue"));
            byDefinition.put(definition.name(), details);
        }
        return (overdue ? Health.down() : Health.up()).withDetails(byDefinition).build();
    }

    private Map<String, Object> details(JobDefinition definition) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("job", definition.job().jobName());
        details.put("schedule", definition.schedule());
        details.put("zone", definition.zone().getId());
        // None before the definition is first served.
        schedules.lastFire(definition.name()).ifPresent(at -> details.put("lastFire", at.toString()));
        ZonedDateTime next = CronExpression.parse(definition.schedule())
                .next(ZonedDateTime.ofInstant(clock.instant(), definition.zone()));
        if (next != null) {
            details.put("nextFire", next.toInstant().toString());
        }
        if (definition.deadline() != null) {
            details.put("deadline", definition.deadline().toString());
            // None before the dead man's switch first watched it.
            states.find(definition.name()).ifPresent(state -> {
                if (state.lastSuccess() != null) {
                    details.put("lastCompleted", state.lastSuccess().toString());
                }
                Deadline.dueBy(definition, state).ifPresent(due -> details.put("dueBy", due.toString()));
                details.put("overdue", Deadline.check(definition, state, clock.instant()).isPresent());
            });
        }
        return details;
    }
}
