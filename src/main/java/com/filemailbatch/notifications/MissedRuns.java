package com.filemailbatch.notifications;

import com.filemailbatch.jobs.Deadline;
import com.filemailbatch.jobs.Deadline.Overdue;
import com.filemailbatch.jobs.DefinitionState;
import com.filemailbatch.jobs.DefinitionStateRepository;
import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.Notify;
import com.filemailbatch.jobs.NotifyEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The dead man's switch: for each definition with a {@code deadline}, whether a run completed within it after the
 * last fire time of its schedule. A miss is raised once per fire time (whichever of serve and check sees it first):
 * a log line, the counter {@code filemail.batch.definitions.missed}, and a {@code missed} notification.
 */
@Component
public class MissedRuns {

    private static final Logger LOG = LoggerFactory.getLogger(MissedRuns.class);
    static final String MISSED = "filemail.batch.definitions.missed";

    private final DefinitionStateRepository states;
    private final Notifications notifications;
    private final RunNotices notices;
    private final NotificationProperties properties;
    private final MeterRegistry registry;
    private final Clock clock;

    MissedRuns(DefinitionStateRepository states, Notifications notifications, RunNotices notices,
            NotificationProperties properties, MeterRegistry registry, Clock clock) {
        this.states = states;
        this.notifications = notifications;
        this.notices = notices;
        this.properties = properties;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Where one definition stands.
     *
     * @param overdue the missed fire time, or null when on time
     * @param dueBy   when its next run must have completed (null without deadline)
     * @param raised  whether this check raised the miss (false: on time, or raised before)
     */
    public record Status(JobDefinition definition, DefinitionState state, Overdue overdue, Instant dueBy,
            boolean raised) {
    }

    /** Checks each definition with a deadline, raising each new miss. */
    public List<Status> check(List<JobDefinition> definitions) {
        Instant now = clock.instant();
        List<Status> statuses = new ArrayList<>();
        for (JobDefinition definition : definitions) {
            if (definition.deadline() == null || definition.schedule() == null) {
                continue;
            }
            missedCounter(definition.name());
            DefinitionState state = states.watch(definition.name(), now);
            Overdue overdue = Deadline.check(definition, state, now).orElse(null);
            boolean raised = overdue != null && states.markMissed(definition.name(), overdue.fire());
            if (raised) {
                raise(definition, overdue);
            }
            statuses.add(new Status(definition, state, overdue, Deadline.dueBy(definition, state).orElse(null),
                    raised));
        }
        return statuses;
    }

    private void raise(JobDefinition definition, Overdue overdue) {
        LOG.warn("{}: missed: no run completed within {} of the fire time {} (last completed run: {})",
                definition.name(), definition.deadline(), overdue.fire(),
                overdue.lastSuccess() == null ? "none" : overdue.lastSuccess());
        missedCounter(definition.name()).increment();
        Notify notify = definition.notifyRule().orElse(properties.defaults());
        if (notify.notifies(NotifyEvent.MISSED)) {
            notifications.raise(definition.name(), notify, NotifyEvent.MISSED, null,
                    "missed:" + definition.name() + ":" + overdue.fire().getEpochSecond(),
                    notices.ofMissed(definition, overdue));
        }
    }

    private Counter missedCounter(String definition) {
        return Counter.builder(MISSED).description("Fire times of a definition with no run completed within its "
                + "deadline").tag("definition", definition).register(registry);
    }
}
