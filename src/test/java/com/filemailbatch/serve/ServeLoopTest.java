package com.filemailbatch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.ScheduleStateRepository;
import com.filemailbatch.launch.Launch;
import com.filemailbatch.liveness.RunLock;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.filemailbatch.jobs.Notify;
import com.filemailbatch.support.WebhookReceiver;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * serve's launches on the real job, database and sandbox: a launch while the job's lock is held elsewhere does not
 * start and is counted; a free launch runs the inbox; the missed-schedule bookkeeping in {@code schedule_state}.
 * On PostgreSQL too: {@link ServeLoopPostgresTest}.
 */
@FilemailBatchTest
class ServeLoopTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ScheduleStateRepository schedules;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private JobDefinition definition;
    private Path inbox;

    @BeforeEach
    void inboxDefinition() throws Exception {
        TestData.reset(jdbc, sandbox);
        jdbc.update("UPDATE shedlock SET lock_until = locked_at");
        inbox = Files.createDirectories(dir.resolve("inbox"));
        String name = "serve-" + UUID.randomUUID().toString().substring(0, 8);
        definition = new JobDefinition(dir.resolve(name + ".properties"), JobDefinition.Kind.SEND, "0 0 3 * * *",
                ZoneOffset.UTC, null, inbox, Duration.ofDays(1));
        TestData.csv(inbox, "a.csv", "reference,subject,to", name + "-1,Hello,ann@example.com",
                name + "-2,Hello,bob@example.com");
    }

    @Test
    void aLaunchWhileAnotherProcessHoldsTheJobsLockDoesNotStartAndIsCounted() {
        holdLockElsewhere("sendTransfersJob");
        long executionsBefore = executions();

        List<Launch> launches = loop().fire(definition, "schedule");

        assertThat(launches).extracting(Launch::outcome).containsExactly(Launch.Outcome.SKIPPED_LOCKED);
        assertThat(launches.get(0).exitCode()).isEqualTo(ExitCodes.LOCKED);
        assertThat(executions()).as("no execution created").isEqualTo(executionsBefore);
        assertThat(sandbox.requests()).as("nothing sent").isEmpty();
        assertThat(inbox.resolve("a.csv")).as("the file waits for the next launch").exists();
        assertThat(count(LaunchMetrics.SKIPPED, "reason", "locked")).isEqualTo(1.0);
        assertThat(count(LaunchMetrics.LAUNCHES, "trigger", "schedule")).isEqualTo(1.0);
        assertThat(count(LaunchMetrics.OUTCOMES, "outcome", "skipped_locked")).isEqualTo(1.0);
        assertThat(text(err)).contains("Not started: another run of sendTransfersJob is in progress (lock held by "
                + "process elsewhere.example:4242)");
        assertThat(text(out)).contains(definition.name() + ": launch (schedule)", definition.name()
                + ": skipped locked");
    }

    @Test
    void aFreeLaunchSendsEachInboxFileArchivesItAndReleasesTheLock() {
        List<Launch> launches = loop().fire(definition, "missed");

        assertThat(launches).extracting(Launch::outcome).containsExactly(Launch.Outcome.COMPLETED);
        assertThat(sandbox.initializeCalls()).isEqualTo(2);
        assertThat(inbox.resolve("a.csv")).doesNotExist();
        assertThat(dir.resolve("archive/a.csv")).exists();
        assertThat(count(LaunchMetrics.OUTCOMES, "outcome", "completed")).isEqualTo(1.0);
        assertThat(count(LaunchMetrics.LAUNCHES, "trigger", "missed")).isEqualTo(1.0);
        var next = context.getBean(RunLock.class).tryAcquire("sendTransfersJob");
        assertThat(next).as("released at the end").isPresent();
        next.get().close();
        assertThat(schedules.lastFire(definition.name())).isPresent();
    }

    @Test
    void aFileThatCannotBeSentGoesToErrorAndTheNextFileIsStillSent() {
        TestData.csv(inbox, "0-bad.csv", "reference,subject,colour", "X-1,Hello,red");

        List<Launch> launches = loop().fire(definition, "schedule");

        assertThat(launches).extracting(Launch::outcome)
                .containsExactly(Launch.Outcome.FAILED_INPUT, Launch.Outcome.COMPLETED);
        assertThat(dir.resolve("error/0-bad.csv")).exists();
        assertThat(dir.resolve("archive/a.csv")).exists();
        assertThat(inbox).isEmptyDirectory();
        assertThat(sandbox.initializeCalls()).isEqualTo(2);
        assertThat(text(out)).contains("0-bad.csv: moved to error/ (fix it and put it back in the inbox) -> ");
    }

    @Test
    void aMissedFireIsFoundOnceFromTheRecordedLastFire() {
        ServeLoop loop = loop();
        assertThat(loop.missedFire(definition)).as("never served: nothing missed, now recorded").isEmpty();
        assertThat(schedules.lastFire(definition.name())).isPresent();

        schedules.recordFire(definition.name(), Instant.now().minus(Duration.ofDays(7)));

        assertThat(loop.missedFire(definition)).isPresent();
    }

    @Test
    void aDefinitionWhoseRunNeverCameIsMissedOnceSaidCountedAndNotified() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JobDefinition watched = new JobDefinition(definition.file(), JobDefinition.Kind.SEND, "0 0 3 * * *",
                    ZoneOffset.UTC, null, inbox, Duration.ofDays(1), Duration.ofHours(2),
                    Notify.parse("missed", receiver.url().toString(), null, null));
            LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
            jdbc.update("INSERT INTO definition_state (definition, watched_since) VALUES (?, ?)", watched.name(),
                    day.atTime(12, 0).atOffset(ZoneOffset.UTC));
            ServeLoop loop = new ServeLoop(context, List.of(watched), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            loop.checkDeadlines();
            loop.checkDeadlines();
            loop.deliverNotifications();

            WebhookReceiver.Received request = receiver.next();
            assertThat(request.header("X-Filemail-Batch-Event")).isEqualTo("missed");
            JsonNode notice = JsonMapper.builder().build().readTree(request.body());
            Instant fire = day.plusDays(1).atTime(3, 0).toInstant(ZoneOffset.UTC);
            assertThat(notice.get("event").asString()).isEqualTo("missed");
            assertThat(notice.get("definition").asString()).isEqualTo(watched.name());
            assertThat(notice.get("fireAt").asString()).isEqualTo(fire.toString());
            assertThat(notice.get("dueBy").asString()).isEqualTo(fire.plus(Duration.ofHours(2)).toString());
            assertThat(notice.has("lastSuccessAt")).isFalse();
            assertThat(receiver.all()).as("raised once").hasSize(1);
            assertThat(text(out).split(watched.name() + ": missed: no run completed within PT2H of its fire time "
                    + fire, -1)).as("said once").hasSize(2);
            assertThat(meters.find("filemail.batch.definitions.missed").tag("definition", watched.name()).counter()
                    .count()).isEqualTo(1.0);
        }
    }

    private ServeLoop loop() {
        return new ServeLoop(context, List.of(definition), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void holdLockElsewhere(String name) {
        LocalDateTime until = LocalDateTime.now(ZoneOffset.UTC).plusHours(1);
        if (jdbc.update("UPDATE shedlock SET lock_until = ?, locked_by = ? WHERE name = ?", until,
                "elsewhere.example:4242", name) == 0) {
            jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, ?)", name,
                    until, LocalDateTime.now(ZoneOffset.UTC), "elsewhere.example:4242");
        }
    }

    private long executions() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class);
    }

    private double count(String meter, String tag, String value) {
        var counter = meters.find(meter).tag("definition", definition.name()).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
