package com.filemailbatch.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class MissedScheduleTest {

    private static final String NIGHTLY = "0 30 1 * * *";
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /** 2026-03-10 12:00 in Oslo (UTC+1 then). */
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T11:00:00Z"), ZoneOffset.UTC);

    @Test
    void aWeekDownIsMadeUpOnceFromTheFirstMissedNight() {
        Instant lastFire = ZonedDateTime.of(2026, 3, 3, 1, 30, 0, 0, OSLO).toInstant();

        assertThat(MissedSchedule.since(NIGHTLY, OSLO, lastFire, clock.instant()))
                .contains(ZonedDateTime.of(2026, 3, 4, 1, 30, 0, 0, OSLO));
    }

    @Test
    void nothingIsMissedWhenTheLastFireWasTonights() {
        Instant lastFire = ZonedDateTime.of(2026, 3, 10, 1, 30, 0, 0, OSLO).toInstant();

        assertThat(MissedSchedule.since(NIGHTLY, OSLO, lastFire, clock.instant())).isEmpty();
    }

    @Test
    void aStartJustBeforeTheFireTimeHasMissedNothing() {
        Instant lastFire = ZonedDateTime.of(2026, 3, 9, 1, 30, 0, 0, OSLO).toInstant();
        Instant justBefore = ZonedDateTime.of(2026, 3, 10, 1, 29, 59, 0, OSLO).toInstant();
        Instant atIt = ZonedDateTime.of(2026, 3, 10, 1, 30, 0, 0, OSLO).toInstant();

        assertThat(MissedSchedule.since(NIGHTLY, OSLO, lastFire, justBefore)).isEmpty();
        assertThat(MissedSchedule.since(NIGHTLY, OSLO, lastFire, atIt)).isPresent();
    }

    @Test
    void theZoneOfTheScheduleDecides() {
        // 01:30 in Oslo is 00:30 UTC; a process down from 00:00 to 01:00 UTC missed Oslo's night but not UTC's.
        Instant lastFire = Instant.parse("2026-03-09T23:00:00Z");
        Instant now = Instant.parse("2026-03-10T01:00:00Z");

        assertThat(MissedSchedule.since(NIGHTLY, OSLO, lastFire, now)).isPresent();
        assertThat(MissedSchedule.since(NIGHTLY, ZoneOffset.UTC, lastFire, now)).isEmpty();
    }

    @Test
    void aDefinitionNeverServedBeforeHasMissedNothing() {
        assertThat(MissedSchedule.since(NIGHTLY, OSLO, null, clock.instant())).isEmpty();
    }
}
