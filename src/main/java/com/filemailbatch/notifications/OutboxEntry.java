package com.filemailbatch.notifications;

import com.filemailbatch.jobs.NotifyEvent;
import java.time.Instant;

/**
 * One notification for one channel target, as the outbox holds it.
 *
 * @param id             stable across retries: the webhook's {@code X-Filemail-Batch-Notification-Id} header and the
 *                       e-mail's Message-ID carry it, so that a receiver can drop repeats
 * @param executionId    the run it tells of, or null (a missed deadline, a launch that crashed)
 * @param target         the webhook's address or the e-mail addresses
 * @param format         the webhook's body format (json or chat); "text" for e-mail
 * @param notice         the notice, as JSON
 */
public record OutboxEntry(String id, String eventKey, NotifyEvent event, String definition, Long executionId,
        Channel channel, String target, String format, String notice, OutboxStatus status, int attempts,
        Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, String lastError) {

    /** The target as shown and logged: a webhook's scheme and host only, since its path often holds a token. */
    public String shownTarget() {
        return Targets.shown(channel, target);
    }
}
