package com.filemailbatch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.ScheduleStateRepository;
import com.filemailbatch.support.FilemailBatchTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import com.filemailbatch.jobs.DefinitionStateRepository;
import com.filemailbatch.jobs.Notify;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code schedules} in serve's health, on the real {@code schedule_state} table and a fixed clock: each served
 * definition with its last fire time (none yet for a new one) and its next fire time in its zone.
 */
@FilemailBatchTest
class SchedulesHealthIndicatorTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Autowired
    ScheduleStateRepository schedules;

    @Autowired
    DefinitionStateRepository states;

    @Test
    void eachDefinitionWithItsLastAndNextFire() {
        String nightly = "nightly-" + UUID.randomUUID().toString().substring(0, 8);
        String hourly = "hourly-" + UUID.randomUUID().toString().substring(0, 8);
        schedules.recordFire(nightly, Instant.parse("2026-11-30T00:30:00Z"));
        SchedulesHealthIndicator indicator = new SchedulesHealthIndicator(List.of(
                definition(nightly, JobDefinition.Kind.SEND, "0 30 1 * * *", ZoneId.of("Europe/Oslo")),
                definition(hourly, JobDefinition.Kind.CLEANUP, "0 0 * * * *", ZoneOffset.UTC)), schedules, states,
                Clock.fixed(NOW, ZoneOffset.UTC));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsOnlyKeys(nightly, hourly);
        assertThat(health.getDetails().get(nightly)).isEqualTo(Map.of("job", "sendTransfersJob",
                "schedule", "0 30 1 * * *", "zone", "Europe/Oslo", "lastFire", "2026-11-30T00:30:00Z",
                // 01:30 in Oslo is 00:30 UTC in winter.
                "nextFire", "2026-12-01T00:30:00Z"));
        @SuppressWarnings("unchecked")
        Map<String, Object> cleanup = (Map<String, Object>) health.getDetails().get(hourly);
        assertThat(cleanup).containsEntry("job", "cleanupStaleTransfersJob").doesNotContainKey("lastFire")
                .containsEntry("nextFire", "2026-11-30T13:00:00Z");
    }

    @Test
    void aDefinitionPastItsDeadlineMakesTheSchedulesDown() {
        String onTime = "on-time-" + UUID.randomUUID().toString().substring(0, 8);
        String late = "late-" + UUID.randomUUID().toString().substring(0, 8);
        states.watch(onTime, Instant.parse("2026-11-01T00:00:00Z"));
        states.recordSuccess(onTime, Instant.parse("2026-11-30T00:40:00Z"));
        states.watch(late, Instant.parse("2026-11-01T00:00:00Z"));
        states.recordSuccess(late, Instant.parse("2026-11-28T00:40:00Z"));
        SchedulesHealthIndicator indicator = new SchedulesHealthIndicator(List.of(
                deadline(onTime), deadline(late)), schedules, states, Clock.fixed(NOW, ZoneOffset.UTC));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get(onTime)).isEqualTo(Map.of("job", "sendTransfersJob",
                "schedule", "0 30 0 * * *", "zone", "Z", "nextFire", "2026-12-01T00:30:00Z", "deadline", "PT2H",
                "lastCompleted", "2026-11-30T00:40:00Z", "dueBy", "2026-12-01T02:30:00Z", "overdue", false));
        assertThat(health.getDetails().get(late)).isEqualTo(Map.of("job", "sendTransfersJob",
                "schedule", "0 30 0 * * *", "zone", "Z", "nextFire", "2026-12-01T00:30:00Z", "deadline", "PT2H",
                "lastCompleted", "2026-11-28T00:40:00Z", "dueBy", "2026-11-29T02:30:00Z", "overdue", true));
    }

    private static JobDefinition deadline(String name) {
        return new JobDefinition(Path.of("jobs", name + ".properties"), JobDefinition.Kind.SEND, "0 30 0 * * *",
                ZoneOffset.UTC, Path.of("in.csv"), null, Duration.ofDays(1), Duration.ofHours(2), Notify.UNSET);
    }

    private static JobDefinition definition(String name, JobDefinition.Kind job, String cron, ZoneId zone) {
        return new JobDefinition(Path.of("jobs", name + ".properties"), job, cron, zone, Path.of("in.csv"), null,
                Duration.ofDays(1));
    }
}
