package com.filemailbatch.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The notifications' meters: delivered, failed attempts and given up, by channel, and the outbox's backlog. Registered
 * at zero, so that a scrape sees them before the first notification.
 */
@Component
class NotificationMetrics {

    static final String DELIVERED = "filemail.batch.notifications.delivered";
    static final String FAILED = "filemail.batch.notifications.failed";
    static final String GIVEN_UP = "filemail.batch.notifications.given.up";
    static final String PENDING = "filemail.batch.notifications.pending";

    private final MeterRegistry registry;

    NotificationMetrics(MeterRegistry registry, NotificationOutbox outbox) {
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            delivered(channel);
            failed(channel);
            givenUp(channel);
        }
        Gauge.builder(PENDING, outbox, NotificationMetrics::pending)
                .description("Notifications in the outbox not delivered yet").register(registry);
    }

    void delivered(Channel channel, int count) {
        delivered(channel).increment(count);
    }

    void failed(Channel channel, boolean gaveUp) {
        failed(channel).increment();
        if (gaveUp) {
            givenUp(channel).increment();
        }
    }

    private Counter delivered(Channel channel) {
        return Counter.builder(DELIVERED).description("Notifications delivered").tag("channel", channel.key())
                .register(registry);
    }

    private Counter failed(Channel channel) {
        return Counter.builder(FAILED).description("Notification delivery attempts that failed")
                .tag("channel", channel.key()).register(registry);
    }

    private Counter givenUp(Channel channel) {
        return Counter.builder(GIVEN_UP).description("Notifications given up after filemail.notify.give-up-after")
                .tag("channel", channel.key()).register(registry);
    }

    private static double pending(NotificationOutbox outbox) {
        try {
            return outbox.backlog().pending();
        } catch (RuntimeException databaseUnreachable) {
            return Double.NaN;
        }
    }
}
