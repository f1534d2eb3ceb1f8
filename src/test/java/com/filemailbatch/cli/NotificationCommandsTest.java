package com.filemailbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.support.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code check}, {@code notifications} and the notifications of {@code run --job}, as a user meets them: exit codes,
 * lines, and a real webhook receiver on loopback.
 */
class NotificationCommandsTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CommandLineSession cli = new CommandLineSession();
    private WebhookReceiver receiver;

    @BeforeEach
    void ownDataDirectory() throws Exception {
        cli.use(dir, "");
        receiver = WebhookReceiver.start();
        Files.createDirectories(dir.resolve("jobs"));
    }

    @AfterEach
    void restoreProperties() {
        receiver.close();
    }

    @Test
    void checkSaysWhichDefinitionIsOverdueExits2AndRaisesItsMissOnce() throws Exception {
        Files.writeString(dir.resolve("jobs/nightly.properties"), "job=cleanup\nschedule=0 0 3 * * *\nzone=UTC\n"
                + "deadline=PT2H\nnotify.on=missed\nnotify.webhook=" + receiver.url() + "\n");
        Files.writeString(dir.resolve("jobs/hourly.properties"), "job=cleanup\nschedule=0 0 * * * *\n");

        assertThat(cli.execute("check", "--jobs", dir.resolve("jobs").toString())).as(cli.err()).isZero();
        assertThat(cli.out()).contains("DEFINITION", "nightly", "'0 0 3 * * *' UTC", "PT2H", "on time")
                .doesNotContain("hourly");

        // Watched since two days ago, and no run ever completed: the run of the night never came.
        watchedSince("nightly", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2));
        cli.resetOut();
        assertThat(cli.execute("check", "--jobs", dir.resolve("jobs").toString())).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(cli.out()).contains("OVERDUE", "nightly: overdue: no run completed within PT2H of its fire time ",
                "its 'missed' notification is raised", "Notification ", "(missed of nightly) by webhook to "
                        + "http://127.0.0.1:", "delivered.");
        assertThat(receiver.next().header("X-Filemail-Batch-Event")).isEqualTo("missed");

        cli.resetOut();
        assertThat(cli.execute("check", "--jobs", dir.resolve("jobs").toString(), "--json"))
                .isEqualTo(ExitCodes.JOB_FAILED);
        JsonNode nightly = JsonMapper.builder().build().readTree(cli.out()).get(0);
        assertThat(nightly.get("definition").asString()).isEqualTo("nightly");
        assertThat(nightly.get("overdue").asBoolean()).isTrue();
        assertThat(nightly.get("raised").asBoolean()).as("raised by the check before").isFalse();
        assertThat(receiver.all()).as("one notification per missed fire time").hasSize(1);

        cli.resetOut();
        assertThat(cli.execute("notifications")).isZero();
        assertThat(cli.out()).contains("ID", "missed", "nightly", "webhook", "http://127.0.0.1:", "delivered")
                .doesNotContain("T0KEN");
    }

    @Test
    void checkWithoutADefinitionWithADeadlineIsAUsageError() throws Exception {
        Files.writeString(dir.resolve("jobs/hourly.properties"), "job=cleanup\nschedule=0 0 * * * *\n");

        assertThat(cli.execute("check", "--jobs", dir.resolve("jobs").toString())).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("error: no job definition in " + dir.resolve("jobs") + " has a deadline (key "
                + "deadline, such as PT2H, beside its schedule)");
    }

    @Test
    void notificationsListsNothingAtFirstAndRefusesAnUnknownStatus() {
        assertThat(cli.execute("notifications")).isZero();
        assertThat(cli.out()).isEqualTo("No notification recorded yet." + System.lineSeparator());

        assertThat(cli.execute("notifications", "--status", "lost")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("error: --status 'lost' is not one of pending, delivered, given-up");
    }

    @Test
    void aRunThatWouldEmailWithoutAnSmtpServerDoesNotStart() throws Exception {
        Files.writeString(dir.resolve("in.csv"), "reference,subject,to\nN-1,Hello,ann@example.com\n");
        Path job = Files.writeString(dir.resolve("jobs/mailed.properties"), "job=send\ninput=../in.csv\n"
                + "notify.email=ops@example.com\n");

        assertThat(cli.execute("run", "--job", job.toString(), "--sandbox")).isEqualTo(ExitCodes.CONFIG);

        assertThat(cli.err()).contains("error: " + job + " (key notify.email) sends e-mail, but no SMTP server is "
                + "configured: set spring.mail.host (SPRING_MAIL_HOST)");
        assertThat(cli.out()).doesNotContain("Run ");
    }

    @Test
    void runJobNotifiesAndTellsWhereItWent() throws Exception {
        Files.writeString(dir.resolve("in.csv"), "reference,subject,to\nN-1,Hello,ann@example.com\n");
        Path job = Files.writeString(dir.resolve("jobs/nightly.properties"), "job=send\ninput=../in.csv\n"
                + "notify.on=success\nnotify.webhook=" + receiver.url() + "\nnotify.webhook-format=chat\n");

        assertThat(cli.execute("run", "--job", job.toString(), "--sandbox")).as(cli.err()).isZero();

        assertThat(cli.out()).contains("(success of nightly) by webhook to http://127.0.0.1:", "/…: delivered.");
        assertThat(receiver.next().body()).startsWith("{\"text\":\"[sandbox] nightly: run 1 completed\\n");
    }

    @Test
    void runInputNotifiesAsTheConfigurationSays() throws Exception {
        Files.writeString(dir.resolve("in.csv"), "reference,subject,to\nN-1,Hello,not-an-address\n");
        System.setProperty("filemail.notify.webhook", receiver.url().toString());
        try {
            assertThat(cli.execute("run", "--input", dir.resolve("in.csv").toString(), "--sandbox"))
                    .isEqualTo(ExitCodes.COMPLETED_WITH_PROBLEMS);
        } finally {
            System.clearProperty("filemail.notify.webhook");
        }

        JsonNode notice = JsonMapper.builder().build().readTree(receiver.next().body());
        assertThat(notice.get("event").asString()).as("problems: one of the default events").isEqualTo("problems");
        assertThat(notice.get("definition").asString()).isEqualTo("command-line");
        assertThat(notice.get("firstRejected").get(0).get("line").asLong()).isEqualTo(2);
    }

    private void watchedSince(String definition, OffsetDateTime since) throws Exception {
        try (Connection db = DriverManager.getConnection(System.getProperty("spring.datasource.url"), "sa", "");
                PreparedStatement update = db.prepareStatement("UPDATE definition_state SET watched_since = ? "
                        + "WHERE definition = ?")) {
            update.setObject(1, since);
            update.setString(2, definition);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

}
