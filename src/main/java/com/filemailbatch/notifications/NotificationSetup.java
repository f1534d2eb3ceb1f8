package com.filemailbatch.notifications;

import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.Notify;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What is wrong with the notifications of some definitions before anything runs: said at start, not at 02:00. */
@Component
public class NotificationSetup {

    private final NotificationProperties properties;
    private final EmailSender email;

    NotificationSetup(NotificationProperties properties, EmailSender email) {
        this.properties = properties;
        this.email = email;
    }

    /** @return the first problem, naming the definition, or empty */
    public Optional<String> problem(List<JobDefinition> definitions) {
        if (email.configured()) {
            return Optional.empty();
        }
        for (JobDefinition definition : definitions) {
            Notify notify = definition.notifyRule().orElse(properties.defaults());
            if (notify.email() != null && !notify.email().isEmpty() && !notify.events().isEmpty()) {
                String source = definition.notifyRule().email() != null && definition.file() != null
                        ? definition.file() + " (key notify.email)" : "filemail.notify.email";
                return Optional.of(source + " sends e-mail, but no SMTP server is configured: set spring.mail.host "
                        + "(SPRING_MAIL_HOST), and spring.mail.port, spring.mail.username and spring.mail.password as "
                        + "needed; see docs/notifications.md");
            }
        }
        return Optional.empty();
    }
}
