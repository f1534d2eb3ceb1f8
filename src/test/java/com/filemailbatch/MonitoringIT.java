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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * serve's monitoring as an operator scrapes it, over loopback HTTP from the packaged jar, after a sandbox run of a
 * row with a file and a rejected row: the Prometheus meters by what the run did, the health components that matter
 * (and not the ones that mean nothing here), the build version in info, and the log in JSON (the documented switch)
 * with the run id and step on the run's lines. Waits only for observable effects, with generous bounds.
 */
class MonitoringIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Pattern HEALTH = Pattern.compile("health: (http://127\\.0\\.0\\.1:\\d+)/actuator/health");
    /** A sample line of the text format: name, optional labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+(?:\\{[^}]*})?) (\\S+)$");

    @TempDir
    Path work;

    @TempDir
    Path logs;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void prometheusHealthInfoAndJsonLogsAfterASandboxRun() throws Exception {
        Path inbox = TestData.tickingInbox(work);
        Files.writeString(inbox.resolve("hello.txt"), "hello world\n", StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("drop.csv"), "reference,subject,to,files\r\nMON-1,Hello,ann@example.com,"
                + "hello.txt\r\nMON-2,Bad,not-an-address,\r\n", StandardCharsets.UTF_8);

        JarProcess serve = JarProcess.in(work, logs).environment("LOGGING_STRUCTURED_FORMAT_FILE", "ecs")
                .start("serve", "--sandbox", "--management-port", "0");
        Map<String, Double> meters;
        JsonNode health;
        JsonNode info;
        try {
            serve.await(() -> HEALTH.matcher(serve.out()).find(), WAIT);
            Matcher base = HEALTH.matcher(serve.out());
            assertThat(base.find()).as(serve.describe()).isTrue();
            assertThat(serve.await(() -> Files.exists(work.resolve("archive/drop.csv")), WAIT))
                    .as("the dropped file to be sent and archived\n" + serve.describe()).isTrue();

            meters = prometheus(get(base.group(1) + "/actuator/prometheus"));
            health = json.readTree(get(base.group(1) + "/actuator/health"));
            info = json.readTree(get(base.group(1) + "/actuator/info"));
        } finally {
            serve.terminate();
        }
        assertThat(serve.awaitExit(360)).as(serve.describe()).isIn(0, 2);

        assertThat(meters).as("after one run of one sent row with a 12-byte file and one rejected row")
                .containsEntry("filemail_batch_rows_total{outcome=\"initialized\"}", 1.0)
                .containsEntry("filemail_batch_rows_total{outcome=\"completed\"}", 1.0)
                .containsEntry("filemail_batch_rows_total{outcome=\"rejected\"}", 1.0)
                .containsEntry("filemail_batch_rows_total{outcome=\"deferred\"}", 0.0)
                .containsEntry("filemail_batch_upload_bytes_total", 12.0)
                .containsEntry(calls("initialize", "success"), 1.0)
                .containsEntry(calls("upload", "success"), 1.0)
                .containsEntry(calls("complete", "success"), 1.0)
                .containsEntry(calls("cancel", "quota"), 0.0)
                .containsEntry("filemail_batch_api_retries_total{endpoint=\"upload\"}", 0.0)
                .containsEntry("filemail_batch_api_rate_limit_waits_seconds_count", 0.0)
                .containsEntry("filemail_batch_ledger_transfers{status=\"completed\"}", 1.0)
                .containsEntry("filemail_batch_ledger_transfers{status=\"rejected\"}", 1.0)
                .containsEntry("filemail_batch_ledger_transfers{status=\"deferred\"}", 0.0)
                .containsEntry("filemail_batch_launch_outcomes_total{definition=\"tick\","
                        + "outcome=\"completed_with_problems\"}", 1.0)
                .containsEntry("filemail_batch_notifications_delivered_total{channel=\"webhook\"}", 0.0)
                .containsEntry("filemail_batch_notifications_pending", 0.0);
        assertThat(meters.get("filemail_batch_definition_last_success_seconds{definition=\"tick\"}"))
                .as("the run completed (with problems) a moment ago").isGreaterThan(1.7e9);
        assertThat(meters.keySet()).as("the data directory's disk")
                .anyMatch(name -> name.startsWith("disk_free_bytes{") && name.contains("sandbox"));
        assertThat(meters.keySet()).as("Spring Batch's own meters")
                .anyMatch(name -> name.startsWith("spring_batch_job_seconds_count{")
                        && name.contains("sendTransfersJob"));

        assertThat(health.path("status").asString()).as(health.toString()).isEqualTo("UP");
        JsonNode components = health.path("components");
        assertThat(components.propertyNames()).as(health.toString())
                .contains("db", "diskSpace", "runLock", "schedules", "outbox")
                .doesNotContain("discoveryComposite", "refreshScope", "ping", "livenessState", "readinessState",
                        "ssl", "mail");
        assertThat(components.path("diskSpace").path("details").path("path").asString())
                .endsWith(Path.of("data", "sandbox").toString());
        assertThat(components.path("runLock").path("details").propertyNames())
                .containsExactlyInAnyOrder("sendTransfersJob", "cleanupStaleTransfersJob");
        JsonNode tick = components.path("schedules").path("details").path("tick");
        assertThat(tick.path("job").asString()).isEqualTo("sendTransfersJob");
        assertThat(tick.path("schedule").asString()).isEqualTo("* * * * * *");
        assertThat(tick.path("lastFire").isString()).as(tick.toString()).isTrue();
        assertThat(tick.path("nextFire").isString()).as(tick.toString()).isTrue();

        assertThat(info.path("build").path("version").asString()).as(info.toString())
                .isEqualTo(System.getProperty("filemail.batch.version"));

        List<String> lines = Files.readAllLines(work.resolve("data/sandbox/filemail-batch.log"));
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(json.readTree(line).isObject()).isTrue());
        assertThat(lines.stream().map(json::readTree).filter(event -> event.has("step")).toList())
                .as("lines written inside the run's steps").isNotEmpty()
                .allSatisfy(event -> assertThat(event.path("runId").asString()).isEqualTo("1"));
    }

    private static String calls(String endpoint, String outcome) {
        return "filemail_batch_api_calls_seconds_count{endpoint=\"" + endpoint + "\",outcome=\"" + outcome + "\"}";
    }

    /** The samples of Prometheus' text format, by name and labels as written. */
    private static Map<String, Double> prometheus(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                samples.put(sample.group(1), Double.parseDouble(sample.group(2)));
            }
        }
        return samples;
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
