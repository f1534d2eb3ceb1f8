package com.filemailbatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.support.JarProcess;
import com.filemailbatch.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve as an operator runs it: a definition whose schedule fires every second sends the file dropped in its inbox
 * and archives it; health and metrics answer on loopback; SIGTERM ends it; the launch and its outcome are recorded.
 * Waits only for observable effects, with generous bounds.
 */
class ServeIT {

    /** Generous: only a broken run waits this long. */
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Pattern HEALTH = Pattern.compile("health: (http://127\\.0\\.0\\.1:\\d+)/actuator/health");

    @TempDir
    Path work;

    @TempDir
    Path logs;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheScheduleAnswersHealthAndStopsOnSigterm() throws Exception {
        Path inbox = TestData.tickingInbox(work);
        Files.writeString(inbox.resolve("drop.csv"), "reference,subject,to\r\nSERVE-1,Hello,ann@example.com\r\n"
                + "SERVE-2,Hello,bob@example.com\r\n", StandardCharsets.UTF_8);

        JarProcess serve = JarProcess.in(work, logs).start("serve", "--sandbox", "--management-port", "0");
        try {
            // Started, ended or out of time: the assertion below tells which, with the output.
            // The dashboard's line comes right after the health line: wait for both, or a busy machine reads between.
            serve.await(() -> HEALTH.matcher(serve.out()).find() && serve.out().contains("Dashboard: "), WAIT);
            Matcher base = HEALTH.matcher(serve.out());
            assertThat(base.find()).as(serve.describe()).isTrue();
            assertThat(serve.out()).contains("Dashboard: " + base.group(1) + "/");
            assertThat(serve.await(() -> Files.exists(work.resolve("archive/drop.csv")), WAIT))
                    .as("the dropped file to be sent and archived\n" + serve.describe()).isTrue();

            HttpResponse<String> health = get(base.group(1) + "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            HttpResponse<String> launches = get(base.group(1) + "/actuator/metrics/filemail.batch.launches");
            assertThat(launches.statusCode()).as(launches.body()).isEqualTo(200);
            assertThat(launches.body()).contains("\"definition\"", "tick");
            HttpResponse<String> outcomes = get(base.group(1) + "/actuator/metrics/filemail.batch.launch.outcomes"
                    + "?tag=outcome:completed");
            assertThat(outcomes.statusCode()).as(outcomes.body()).isEqualTo(200);
            HttpResponse<String> batch = get(base.group(1) + "/actuator/metrics/spring.batch.job");
            assertThat(batch.statusCode()).as("Spring Batch's own metrics: " + batch.body()).isEqualTo(200);
        } finally {
            serve.terminate();
        }
        int exit = serve.awaitExit(360);

        assertThat(exit).as(serve.describe()).isIn(0, 2);
        assertThat(serve.out()).contains("tick: sendTransfersJob on '* * * * * *' (UTC)", "tick: launch (schedule)",
                "drop.csv: archived -> ", "tick: completed (execution 1)", "Stopping serve: no new launches");
        String log = Files.readString(work.resolve("data/sandbox/filemail-batch.log"));
        assertThat(log).contains("tick: launch (schedule)", "tick: completed (execution 1)");
        try (Connection db = JarProcess.database(work.resolve("data/sandbox"), ";ACCESS_MODE_DATA=r");
                ResultSet rows = db.createStatement().executeQuery("SELECT e.STATUS, COUNT(*) FROM "
                        + "BATCH_JOB_EXECUTION e GROUP BY e.STATUS")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("COMPLETED");
            assertThat(rows.getLong(2)).isEqualTo(1);
            assertThat(rows.next()).as("no other execution").isFalse();
        }
        assertThat(inbox).isEmptyDirectory();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
