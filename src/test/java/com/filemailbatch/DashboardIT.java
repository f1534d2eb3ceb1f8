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
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dashboard} as an operator runs it, from the packaged jar: it says where it answers, serves its sign-in page
 * and health there on loopback, runs none of the schedules it was given, and SIGTERM ends it with exit 0.
 */
class DashboardIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Pattern DASHBOARD = Pattern.compile("Dashboard: (http://127\\.0\\.0\\.1:\\d+)/");

    @TempDir
    Path work;

    @TempDir
    Path logs;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesOnLoopbackWithoutSchedulesAndStopsOnSigterm() throws Exception {
        Path inbox = TestData.tickingInbox(work);
        Files.writeString(inbox.resolve("drop.csv"), "reference,subject,to\r\nDASH-1,Hello,ann@example.com\r\n",
                StandardCharsets.UTF_8);

        JarProcess dashboard = JarProcess.in(work, logs).start("dashboard", "--port", "0");
        HttpResponse<String> signIn;
        HttpResponse<String> health;
        try {
            dashboard.await(() -> DASHBOARD.matcher(dashboard.out()).find(), WAIT);
            Matcher base = DASHBOARD.matcher(dashboard.out());
            assertThat(base.find()).as(dashboard.describe()).isTrue();

            signIn = get(base.group(1) + "/login");
            health = get(base.group(1) + "/actuator/health");
            // A schedule that fires every second, were it run, would have sent the dropped file by now.
            Thread.sleep(2000);
        } finally {
            dashboard.terminate();
        }

        assertThat(dashboard.awaitExit(120)).as(dashboard.describe()).isZero();
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("name=\"_csrf\"", "No dashboard user is configured");
        assertThat(signIn.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(inbox.resolve("drop.csv")).as("no schedule ran").exists();
        assertThat(work.resolve("archive")).doesNotExist();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
