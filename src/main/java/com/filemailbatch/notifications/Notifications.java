package com.filemailbatch.notifications;

import com.filemailbatch.jobs.Notify;
import com.filemailbatch.jobs.NotifyEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Raises a notification: writes one outbox entry per channel target of the definition's {@link Notify}. */
@Component
public class Notifications {

    private final NotificationOutbox outbox;
    private final NoticeRenderer renderer;
    private final Clock clock;

    Notifications(NotificationOutbox outbox, NoticeRenderer renderer, Clock clock) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.clock = clock;
    }

    /**
     * Records {@code notice} for each target of {@code notify}, once per {@code eventKey} and target.
     *
     * @param eventKey what makes this notification itself, such as {@code run:42:failure}: raising it again (another
     *                 process, a retry) records nothing more
     * @return how many entries were added
     */
    public int raise(String definition, Notify notify, NotifyEvent event, Long executionId, String eventKey,
            Notice notice) {
        String stored = renderer.stored(notice);
        Instant now = clock.instant();
        int added = 0;
        if (notify.webhook() != null) {
            String url = notify.webhook().toString();
            added += add(new OutboxEntry(newId(), eventKey + ":webhook:" + digest(url), event, definition, executionId,
                    Channel.WEBHOOK, url, notify.format().name().toLowerCase(java.util.Locale.ROOT), stored,
                    OutboxStatus.PENDING, 0, now, now, null, null));
        }
        if (notify.email() != null && !notify.email().isEmpty()) {
            String addresses = String.join(", ", notify.email());
            added += add(new OutboxEntry(newId(), eventKey + ":email:" + digest(addresses), event, definition,
                    executionId, Channel.EMAIL, addresses, "text", stored, OutboxStatus.PENDING, 0, now, now, null,
                    null));
        }
        return added;
    }

    private int add(OutboxEntry entry) {
        return outbox.add(entry) ? 1 : 0;
    }

    /** 32 hex digits: not of the shape of a UUID, which the log mask takes for a transfer key. */
    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A target in a key: short, and the webhook's token not written twice. */
    private static String digest(String target) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(target.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
