package com.filemailbatch.notifications;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code outbox} in serve's health: the notifications not delivered yet. DOWN when one has waited longer than
 * {@link #STUCK}: its channel has been failing for a while (down, or misconfigured), and alerts are not getting out.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

    /** serve attempts due notifications every few seconds: one waiting this long has failed many times. */
    static final Duration STUCK = Duration.ofMinutes(15);

    private final NotificationOutbox outbox;
    private final Clock clock;

    OutboxHealthIndicator(NotificationOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Health health() {
        NotificationOutbox.Backlog backlog = outbox.backlog();
        Health.Builder health = backlog.oldestPending() != null
                && backlog.oldestPending().plus(STUCK).isBefore(clock.instant()) ? Health.down() : Health.up();
        health.withDetail("pending", backlog.pending()).withDetail("givenUp", backlog.givenUp());
        if (backlog.oldestPending() != null) {
            health.withDetail("oldestPending", backlog.oldestPending().toString());
        }
        return health.build();
    }
}
