package com.filemailbatch.cli;

import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.notifications.NotificationSetup;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** Refuses to start what would raise notifications no channel can deliver: an e-mail without an SMTP server. */
final class NotificationChecks {

    private NotificationChecks() {
    }

    static void check(ConfigurableApplicationContext context, List<JobDefinition> definitions) {
        context.getBean(NotificationSetup.class).problem(definitions).ifPresent(problem -> {
            throw new ConfigurationException(problem, null);
        });
    }
}
