package com.filemailbatch.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.filemailbatch.jobs.JobDefinitionLoader.JobDefinitionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobDefinitionLoaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheShippedNightlyDefinition() {
        JobDefinition definition = JobDefinitionLoader.load(Path.of("jobs/nightly-send.properties"));

        assertThat(definition.job()).isEqualTo(JobDefinition.Kind.SEND);
        assertThat(definition.job().jobName()).isEqualTo("sendTransfersJob");
        assertThat(definition.schedule()).isEqualTo("0 30 1 * * *");
        assertThat(definition.zone()).isEqualTo(ZoneId.of("Europe/Oslo"));
        assertThat(definition.input()).isEqualTo(Path.of("sample-data/nightly-transfers.csv").toAbsolutePath());
        assertThat(definition.staleAfter()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void readsTheShippedCleanupDefinition() {
        JobDefinition definition = JobDefinitionLoader.load(Path.of("jobs/hourly-cleanup.properties"));

        assertThat(definition.job()).isEqualTo(JobDefinition.Kind.CLEANUP);
        assertThat(definition.input()).isNull();
        assertThat(definition.staleAfter()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void resolvesTheInputAgainstTheDefinitionsDirectoryAndDefaultsTheRest() throws IOException {
        Path definition = write("job=send\ninput=in/today.csv\n");

        JobDefinition loaded = JobDefinitionLoader.load(definition);

        assertThat(loaded.input()).isEqualTo(dir.resolve("in/today.csv").toAbsolutePath());
        assertThat(loaded.schedule()).isNull();
        assertThat(loaded.zone()).isEqualTo(ZoneId.systemDefault());
        assertThat(loaded.staleAfter()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aLineOfSomeOtherFileIsNotQuotedBackWhole() throws IOException {
        assertProblem("root$6$saltsaltsalt$hashhashhashhashhashhash\n",
                "unknown key 'root$6$saltsaltsalt$hash...' (known keys: job, schedule, zone, input, inbox, "
                        + "stale-after, deadline, notify.on, notify.webhook, notify.webhook-format, notify.email)");
    }

    @Test
    void controlCharactersOfAKeyOrValueAreShownAsEscapesNeverRaw() throws IOException {
        // In a properties file, \\u001b is the escape character itself.
        assertProblem("job=send\ninput=a.csv\n\\u001b[2J\\u001b]0;owned\\u0007=x\n",
                "unknown key '\\u001b[2J\\u001b]0;owned\\u0007' (known keys: job, schedule, zone, input, inbox, "
                        + "stale-after, deadline, notify.on, notify.webhook, notify.webhook-format, notify.email)");
        assertProblem("job=mail\\u202Eliam\\r\\nfake line\n", "key 'job': 'mail\\u202eliam\\u000d\\u000afake line'"
                + " is not a job; use send (sendTransfersJob) or cleanup (cleanupStaleTransfersJob)");
    }

    @Test
    void everyProblemIsOneLineNamingTheFileAndTheKey() throws IOException {
        assertProblem("job=send\ninput=a.csv\nstale_after=P1D\n",
                "unknown key 'stale_after' (known keys: job, schedule, zone, input, inbox, stale-after, deadline, "
                        + "notify.on, notify.webhook, notify.webhook-format, notify.email)");
        assertProblem("input=a.csv\n", "key 'job' is required (send or cleanup)");
        assertProblem("job=mail\n", "key 'job': 'mail' is not a job; use send (sendTransfersJob) or cleanup "
                + "(cleanupStaleTransfersJob)");
        assertProblem("job=send\n", "key 'input' (a CSV file) or 'inbox' (a directory of CSV files) is required "
                + "for job=send");
        assertProblem("job=send\ninput=a.csv\ninbox=in\n", "keys 'input' and 'inbox' exclude each other: give one");
        assertProblem("job=send\ninbox=no-such-dir\n", "key 'inbox': " + dir.resolve("no-such-dir").toAbsolutePath()
                + " is not a directory");
        assertProblem("job=cleanup\ninbox=in\n", "key 'inbox' does not apply to job=cleanup");
        assertProblem("job=cleanup\ninput=a.csv\n", "key 'input' does not apply to job=cleanup");
        assertProblem("job=cleanup\nschedule=30 1 * * *\n", "key 'schedule': '30 1 * * *' is not a six-field cron "
                + "expression such as '0 30 1 * * *' (01:30 every day)");
        assertProblem("job=cleanup\nzone=Mars/Base\n", "key 'zone': 'Mars/Base' is not a time zone such as "
                + "Europe/Oslo or UTC");
        assertProblem("job=cleanup\nstale-after=1x\n", "key 'stale-after': '1x' is not a duration such as 90d, 12h, "
                + "30m, 10s or 500ms, or ISO-8601 such as P1D or PT2H");
        assertProblem("job=cleanup\nstale-after=-1d\n", "key 'stale-after': '-1d' must be zero or more, such as "
                + "90d, 12h, 30m, 10s or 500ms, or ISO-8601 such as P1D or PT2H");
        assertThatThrownBy(() -> JobDefinitionLoader.load(dir.resolve("missing.properties")))
                .hasMessage(dir.resolve("missing.properties") + ": job definition not found");
    }

    @Test
    void acceptsTheSpringBatchJobNamesAndAnInboxDirectory() throws IOException {
        Files.createDirectories(dir.resolve("inbox"));
        Path definition = write("job=sendTransfersJob\ninbox=inbox\nschedule=*/5 * * * * *\nzone=UTC\n");

        JobDefinition loaded = JobDefinitionLoader.load(definition);

        assertThat(loaded.job()).isEqualTo(JobDefinition.Kind.SEND);
        assertThat(loaded.inbox()).isEqualTo(dir.resolve("inbox").toAbsolutePath());
        assertThat(loaded.input()).isNull();
        assertThat(loaded.name()).isEqualTo(definition.getFileName().toString().replace(".properties", ""));
        assertThat(JobDefinitionLoader.load(write("job=cleanupStaleTransfersJob\n")).job())
                .isEqualTo(JobDefinition.Kind.CLEANUP);
    }

    @Test
    void durationsTakeTheSimpleFormAndIso8601() throws IOException {
        JobDefinition simple = JobDefinitionLoader.load(write("job=cleanup\nschedule=0 30 1 * * *\ndeadline=2h\n"
                + "stale-after=1d\n"));
        JobDefinition iso = JobDefinitionLoader.load(write("job=cleanup\nschedule=0 30 1 * * *\ndeadline=PT2H\n"
                + "stale-after=P1D\n"));

        assertThat(simple.deadline()).isEqualTo(iso.deadline()).isEqualTo(Duration.ofHours(2));
        assertThat(simple.staleAfter()).isEqualTo(iso.staleAfter()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void readsTheNotifyKeysAndTheDeadline() throws IOException {
        JobDefinition loaded = JobDefinitionLoader.load(write("job=cleanup\nschedule=0 30 1 * * *\ndeadline=PT2H\n"
                + "notify.on=failure, MISSED\nnotify.webhook=https://hooks.example.com/services/T0/B0/x\n"
                + "notify.webhook-format=chat\nnotify.email=ops@example.com; oncall@example.com\n"));

        assertThat(loaded.deadline()).isEqualTo(Duration.ofHours(2));
        assertThat(loaded.notifyRule().on()).containsExactlyInAnyOrder(NotifyEvent.FAILURE, NotifyEvent.MISSED);
        assertThat(loaded.notifyRule().webhook()).hasToString("https://hooks.example.com/services/T0/B0/x");
        assertThat(loaded.notifyRule().format()).isEqualTo(Notify.WebhookFormat.CHAT);
        assertThat(loaded.notifyRule().email()).containsExactly("ops@example.com", "oncall@example.com");
        assertThat(loaded.notifyRule().notifies(NotifyEvent.MISSED)).isTrue();
        assertThat(loaded.notifyRule().notifies(NotifyEvent.SUCCESS)).isFalse();
    }

    @Test
    void unsetNotifyKeysFallBackToTheConfiguredDefaults() throws IOException {
        JobDefinition loaded = JobDefinitionLoader.load(write("job=cleanup\nnotify.on=success\n"));
        Notify defaults = Notify.parse("failure", "https://hooks.example.com/x", null, "ops@example.com");

        Notify effective = loaded.notifyRule().orElse(defaults);

        assertThat(effective.events()).containsExactly(NotifyEvent.SUCCESS);
        assertThat(effective.webhook()).isEqualTo(defaults.webhook());
        assertThat(effective.email()).containsExactly("ops@example.com");
        assertThat(Notify.UNSET.orElse(Notify.UNSET).events()).as("built in").containsExactlyInAnyOrder(
                NotifyEvent.FAILURE, NotifyEvent.PROBLEMS, NotifyEvent.MISSED);
        assertThat(Notify.UNSET.notifies(NotifyEvent.FAILURE)).as("no channel, nobody to notify").isFalse();
        assertThat(JobDefinitionLoader.load(write("job=cleanup\nnotify.on=none\n")).notifyRule().orElse(defaults)
                .notifies(NotifyEvent.FAILURE)).isFalse();
    }

    @Test
    void aWrongNotifyKeyOrDeadlineIsOneLineThatNeverQuotesTheWebhook() throws IOException {
        assertProblem("job=cleanup\nnotify.on=failure,sometimes\n", "key 'notify.on': 'sometimes' is not an event; "
                + "use any of failure, problems, success, missed (or none)");
        assertProblem("job=cleanup\nnotify.webhook=ftp://hooks.example.com/T0KEN\n", "key 'notify.webhook': not an "
                + "http or https address such as https://hooks.example.com/services/...");
        assertProblem("job=cleanup\nnotify.webhook=https://hooks.example.com/a b/T0KEN\n", "key 'notify.webhook': "
                + "not an address (Illegal character in path at index 27)");
        assertProblem("job=cleanup\nnotify.webhook-format=slack\n", "key 'notify.webhook-format': 'slack' is not a "
                + "format; use json or chat");
        assertProblem("job=cleanup\nnotify.email=ops@example.com, ops at example.com\n", "key 'notify.email': "
                + "'ops at example.com' is not an address such as ops@example.com (separate several with commas)");
        assertProblem("job=cleanup\ndeadline=PT2H\n", "key 'deadline' needs a 'schedule': it counts from each fire "
                + "time");
        assertProblem("job=cleanup\nschedule=0 0 * * * *\ndeadline=2 hours\n", "key 'deadline': '2 hours' is not a "
                + "duration such as 90d, 12h, 30m, 10s or 500ms, or ISO-8601 such as P1D or PT2H");
        assertProblem("job=cleanup\nschedule=0 0 * * * *\ndeadline=0m\n", "key 'deadline': '0m' must be longer "
                + "than zero, such as 90d, 12h, 30m, 10s or 500ms, or ISO-8601 such as P1D or PT2H");
    }

    private void assertProblem(String content, String message) throws IOException {
        Path definition = write(content);
        assertThatThrownBy(() -> JobDefinitionLoader.load(definition))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessage(definition + ": " + message);
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "job-", ".properties"), content);
    }
}
