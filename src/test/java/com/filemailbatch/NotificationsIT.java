package com.filemailbatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.support.JarProcess;
import com.filemailbatch.support.JarProcess.Result;
import com.filemailbatch.support.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications are never lost: the packaged jar is killed (SIGKILL) after its run ended, while its notification is
 * on its way to a webhook that does not answer; the next launch delivers it, with the same id.
 */
class NotificationsIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @TempDir
    Path streams;

    private FilemailSandbox sandbox;
    private WebhookReceiver receiver;
    private JarProcess.Launcher jar;

    @BeforeEach
    void start() throws Exception {
        sandbox = FilemailSandbox.start();
        receiver = WebhookReceiver.start();
        jar = JarProcess.in(work, streams).sandbox(sandbox)
                .environment("FILEMAIL_DATA_DIR", work.resolve("data").toString())
                .environment("FILEMAIL_REPORTS_DIR", work.resolve("reports").toString())
                // The attempt in flight waits for its answer long enough for the kill to land in the middle of it.
                .environment("FILEMAIL_NOTIFY_TIMEOUT", "PT2M")
                .environment("FILEMAIL_NOTIFY_DELIVER_WITHIN", "PT3M");
        Files.writeString(work.resolve("in.csv"), "reference,subject,to\nNOTE-1,Hello,ann@example.com\n");
        Files.createDirectories(work.resolve("jobs"));
        Files.writeString(work.resolve("jobs/nightly.properties"), "job=send\ninput=../in.csv\nnotify.on=success\n"
                + "notify.webhook=" + receiver.url() + "\n");
    }

    @AfterEach
    void stop() {
        receiver.close();
        sandbox.close();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void killedBetweenTheRunsEndAndTheDeliveryTheNextLaunchDeliversItWithTheSameId() throws Exception {
        receiver.answer(WebhookReceiver.HANG);
        JarProcess first = jar.start("run", "--job", "jobs/nightly.properties", "--run-date", "2026-11-30");

        WebhookReceiver.Received inFlight = receiver.next();
        first.kill();

        assertThat(first.out()).contains("Run 1 of sendTransfersJob finished.");
        Result next = jar.run(180, "run", "--job", "jobs/nightly.properties", "--run-date", "2026-11-30");
        assertThat(next.exit()).as(next.describe()).isZero();
        assertThat(next.out()).contains("already completed");
        WebhookReceiver.Received delivered = receiver.next();

        assertThat(delivered.header("X-Filemail-Batch-Notification-Id"))
                .isEqualTo(inFlight.header("X-Filemail-Batch-Notification-Id"));
        assertThat(delivered.body()).isEqualTo(inFlight.body()).contains("\"event\":\"success\"", "\"executionId\":1");
        try (Connection db = JarProcess.database(work.resolve("data"));
                ResultSet outbox = db.createStatement().executeQuery("SELECT status, attempts, claimed_by FROM "
                        + "notification_outbox")) {
            assertThat(outbox.next()).isTrue();
            assertThat(outbox.getString(1)).isEqualTo("DELIVERED");
            assertThat(outbox.getInt(2)).isEqualTo(2);
            assertThat(outbox.getString(3)).isNull();
            assertThat(outbox.next()).as("one notification").isFalse();
        }
    }
}
