package com.filemailbatch.notifications;

import com.filemailbatch.jobs.Notify;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notifications' settings ({@code filemail.notify.*}, or {@code FILEMAIL_NOTIFY_*}): the defaults of every job
 * definition's {@code notify.*} keys, and how delivery behaves. The SMTP server is Spring Boot's {@code spring.mail.*}.
 *
 * @param on             the events that notify (failure, problems, success, missed; default failure, problems, missed)
 * @param webhook        the webhook's address (http or https)
 * @param webhookFormat  json (the whole notification) or chat ({@code {"text": …}}, for Slack, Mattermost, Teams)
 * @param email          the addresses e-mailed, comma-separated
 * @param emailFrom      the sender of the e-mails; default filemail-batch@ this host's name
 * @param deliverWithin  the longest a command waits for delivery as it exits; what is not delivered by then stays in
 *                       the outbox for the next launch or serve
 * @param timeout        the longest one delivery attempt waits for its webhook to answer
 * @param giveUpAfter    how long after it was raised a notification is retried before it is given up
 * @param downloadLinks  whether a success notification lists the transfers' download links
 */
@ConfigurationProperties("filemail.notify")
public record NotificationProperties(
        String on,
        String webhook,
        String webhookFormat,
        String email,
        String emailFrom,
        @DefaultValue("PT10S") Duration deliverWithin,
        @DefaultValue("PT5S") Duration timeout,
        @DefaultValue("P2D") Duration giveUpAfter,
        @DefaultValue("false") boolean downloadLinks) {

    public NotificationProperties {
        if (deliverWithin.isNegative()) {
            throw new IllegalArgumentException("filemail.notify.deliver-within must not be negative, got "
                    + deliverWithin);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("filemail.notify.timeout must be longer than zero, got " + timeout);
        }
        if (giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("filemail.notify.give-up-after must not be negative, got "
                    + giveUpAfter);
        }
        defaults(on, webhook, webhookFormat, email);
    }

    /** What a definition that sets no {@code notify.*} key does. */
    public Notify defaults() {
        return defaults(on, webhook, webhookFormat, email);
    }

    private static Notify defaults(String on, String webhook, String webhookFormat, String email) {
        try {
            return Notify.parse(on, webhook, webhookFormat, email);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("filemail.notify." + e.getMessage());
        }
    }
}
