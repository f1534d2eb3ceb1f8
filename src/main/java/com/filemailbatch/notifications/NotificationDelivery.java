package com.filemailbatch.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox's due notifications, each attempt claimed first (see {@link NotificationOutbox#claim}). A
 * failed attempt is retried after a backoff that doubles from 30 s to 30 min; one still failing
 * {@code filemail.notify.give-up-after} after it was raised is given up. Nothing here throws at its caller: a
 * notification that cannot be delivered never fails a run.
 */
@Component
public class NotificationDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(30);
    private static final int PAGE = 20;

    private final NotificationOutbox outbox;
    private final NoticeRenderer renderer;
    private final NotificationProperties properties;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final List<Attempt> backgroundAttempts = Collections.synchronizedList(new ArrayList<>());
    private volatile Thread background;

    NotificationDelivery(NotificationOutbox outbox, NoticeRenderer renderer, NotificationProperties properties,
            NotificationMetrics metrics, Clock clock, List<ChannelSender> senders) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
    }

    /** One attempt at one notification. @param error null when delivered */
    public record Attempt(OutboxEntry entry, String error, boolean givenUp) {
    }

    /** Attempts every notification due now, until none is left or {@code until} has passed. */
    public List<Attempt> deliverDue(Instant until) {
        List<Attempt> attempts = new ArrayList<>();
        try {
            List<OutboxEntry> due = outbox.due(clock.instant(), PAGE);
            while (!due.isEmpty()) {
                int before = attempts.size();
                for (OutboxEntry entry : due) {
                    if (clock.instant().isAfter(until) || Thread.currentThread().isInterrupted()) {
                        return attempts;
                    }
                    attempt(entry).ifPresent(attempts::add);
                }
                if (attempts.size() == before) {
                    break; // Other processes took every one of them.
                }
                due = outbox.due(clock.instant(), PAGE);
            }
        } catch (RuntimeException e) {
            // The database went away (the process is ending, or it is down): what is left is delivered next time.
            LOG.warn("notification delivery stopped: {}", e.getMessage());
        }
        return attempts;
    }

    /**
     * Delivers what is due on another thread and waits for it {@code filemail.notify.deliver-within} at most: the
     * bound on how long notifications delay a command's exit. What is not done by then is left to the next launch.
     * A delivery started at the command's start ({@link #deliverInBackground()}) is waited for within the same bound.
     *
     * @return the attempts finished in time, the background delivery's included
     */
    public List<Attempt> deliverBeforeExit() {
        Duration bound = properties.deliverWithin();
        if (bound.isZero()) {
            return List.of();
        }
        Instant until = clock.instant().plus(bound);
        long deadline = System.nanoTime() + bound.toNanos();
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        try {
            Thread earlier = background;
            if (earlier != null) {
                earlier.join(remainingMillis(deadline));
                attempts.addAll(backgroundAttempts);
            }
            Thread thread = daemon("filemail-batch-notify", () -> attempts.addAll(deliverDue(until)));
            thread.join(remainingMillis(deadline));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    /** Makes every pending notification due now, then delivers as {@link #deliverBeforeExit()}. */
    public List<Attempt> deliverPendingNow() {
        outbox.allDueBy(clock.instant());
        return deliverBeforeExit();
    }

    /**
     * Starts delivering what is due on a daemon thread, without waiting: at a run's start, for what earlier processes
     * left. {@link #deliverBeforeExit()} waits for it.
     */
    public void deliverInBackground() {
        background = daemon("filemail-batch-notify-leftovers", () -> backgroundAttempts.addAll(deliverDue(
                clock.instant().plus(Duration.ofHours(1)))));
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private Optional<Attempt> attempt(OutboxEntry entry) {
        Instant start = clock.instant();
        // Long enough for the attempt to end: until then no other process attempts it.
        if (!outbox.claim(entry, start.plus(properties.timeout()).plus(Duration.ofMinutes(1)))) {
            return Optional.empty();
        }
        int attempt = entry.attempts() + 1;
        try {
            send(entry);
            outbox.delivered(entry.id(), clock.instant());
            metrics.delivered(entry.channel(), 1);
            LOG.info("notification {} ({} of {}) delivered by {} to {} at attempt {}", entry.id(), entry.event().key(),
                    entry.definition(), entry.channel().key(), entry.shownTarget(), attempt);
            return Optional.of(new Attempt(entry, null, false));
        } catch (DeliveryFailure failure) {
            Instant now = clock.instant();
            boolean giveUp = !now.isBefore(entry.createdAt().plus(properties.giveUpAfter()));
            if (giveUp) {
                outbox.giveUp(entry.id(), failure.getMessage());
                LOG.error("notification {} ({} of {}) given up after {} attempts by {} to {}: {}", entry.id(),
                        entry.event().key(), entry.definition(), attempt, entry.channel().key(), entry.shownTarget(),
                        failure.getMessage());
            } else {
                Instant next = now.plus(backoff(attempt));
                outbox.retryAt(entry.id(), next, failure.getMessage());
                LOG.warn("notification {} ({} of {}) not delivered by {} to {} (attempt {}): {}; next attempt at {}",
                        entry.id(), entry.event().key(), entry.definition(), entry.channel().key(),
                        entry.shownTarget(), attempt, failure.getMessage(), next);
            }
            metrics.failed(entry.channel(), giveUp);
            return Optional.of(new Attempt(entry, failure.getMessage(), giveUp));
        }
    }

    private void send(OutboxEntry entry) throws DeliveryFailure {
        Notice notice;
        try {
            notice = renderer.read(entry.notice());
        } catch (RuntimeException e) {
            throw new DeliveryFailure("the stored notice cannot be read: " + e.getMessage());
        }
        senders.get(entry.channel()).send(entry, notice);
    }

    /** 30 s after the first failed attempt, doubling, 30 min at most. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 10);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

}
