package com.filemailbatch.jobs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * Whether a schedule fired while nobody was serving it: the first fire time after the last recorded one that is not
 * after now. One answer for any number of missed fire times, so a start after a week down makes up one run, not
 * seven. A definition never served before has missed nothing (there is no last fire time to count from).
 */
public final class MissedSchedule {

    private MissedSchedule() {
    }

    /** @return the first fire time missed since {@code lastFire}, or empty when none was (or lastFire is null) */
    public static Optional<ZonedDateTime> since(String cron, ZoneId zone, Instant lastFire, Instant now) {
        if (lastFire == null) {
            return Optional.empty();
        }
        ZonedDateTime next = CronExpression.parse(cron).next(lastFire.atZone(zone));
        return next == null || next.toInstant().isAfter(now) ? Optional.empty() : Optional.of(next);
    }
}
