package com.filemailbatch.notifications;

import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.Notify;
import com.filemailbatch.jobs.NotifyEvent;
import com.filemailbatch.launch.Launch;
import com.filemailbatch.launch.LaunchListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Raises the notification of each run's end, as its definition's {@code notify.*} keys (or the configured defaults)
 * ask: on the launching thread, so that it is in the outbox before the process can end.
 */
@Component
class RunEndNotifier implements LaunchListener {

    private static final Logger LOG = LoggerFactory.getLogger(RunEndNotifier.class);

    private final Notifications notifications;
    private final RunNotices notices;
    private final NotificationProperties properties;

    RunEndNotifier(Notifications notifications, RunNotices notices, NotificationProperties properties) {
        this.notifications = notifications;
        this.notices = notices;
        this.properties = properties;
    }

    @Override
    public void ended(JobDefinition definition, Launch launch) {
        NotifyEvent event = RunNotices.event(launch);
        Notify notify = definition.notifyRule().orElse(properties.defaults());
        if (event == null || launch.executionId() == null || !notify.notifies(event)) {
            return;
        }
        try {
            notifications.raise(definition.name(), notify, event, launch.executionId(),
                    "run:" + launch.executionId() + ":" + event.key(), notices.ofRun(definition, event, launch));
        } catch (RuntimeException e) {
            // Never fails the run. The run itself is recorded: history and the report still tell it.
            LOG.error("could not record the {} notification of run {}", event.key(), launch.executionId(), e);
        }
    }

    @Override
    public void crashed(JobDefinition definition, Exception error) {
        Notify notify = definition.notifyRule().orElse(properties.defaults());
        if (!notify.notifies(NotifyEvent.FAILURE)) {
            return;
        }
        try {
            notifications.raise(definition.name(), notify, NotifyEvent.FAILURE, null,
                    "crash:" + definition.name() + ":" + UUID.randomUUID(), notices.ofCrash(definition, error));
        } catch (RuntimeException e) {
            LOG.error("could not record the failure notification of {}", definition.name(), e);
        }
    }
}
