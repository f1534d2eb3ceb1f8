package com.filemailbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench --dashboard} on a small dataset: it builds the dataset, starts the web server on it, times the four
 * pages and writes their figures; pages that do not exist are reported with their status (and, since every response
 * of the web server is timed, with the application's time too).
 */
class BenchDashboardTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CommandLineSession cli = new CommandLineSession();

    @BeforeEach
    void ownDataDirectory() {
        cli.use(dir, "");
    }

    @Test
    void timesTheDashboardsPagesOnAGeneratedDatasetAndWritesTheFigures() throws Exception {
        Path result = dir.resolve("bench.json");

        int exit = cli.execute("bench", "--rows", "10", "--warmup-rows", "0", "--latency-ms", "1", "--concurrency",
                "2", "--memory-rows", "0", "--upload-mb", "0", "--dashboard", "--dashboard-runs", "20",
                "--dashboard-ledger-rows", "400", "--dashboard-warmup", "1", "--dashboard-requests", "3", "--out",
                result.toString());

        String printed = cli.out();
        assertThat(exit).as(cli.err()).isZero();
        assertThat(printed).contains("dataset: built in", "/runs?status=FAILED", "/runs/10",
                "/transfers?reference=DASH-0000181");
        JsonNode dashboard = new JsonMapper().readTree(result.toFile()).get("dashboard");
        assertThat(dashboard.get("executions").asInt()).isEqualTo(20);
        assertThat(dashboard.get("ledger_rows").asInt()).isEqualTo(400);
        assertThat(dashboard.get("journal_rows").asLong()).isEqualTo(120);
        assertThat(dashboard.get("dataset_build_s").asDouble()).isPositive();
        assertThat(dashboard.get("requests").asInt()).isEqualTo(3);
        JsonNode pages = dashboard.get("pages");
        assertThat(pages).hasSize(4);
        for (JsonNode page : pages) {
            // Whatever the page answers now (404 until the dashboard's pages exist), every answer was counted.
            int answered = 0;
            for (JsonNode count : page.get("statuses")) {
                answered += count.asInt();
            }
            assertThat(answered).as(page.toString()).isEqualTo(3);
            assertThat(page.get("app_median_ms").asDouble()).as(page.toString()).isPositive();
            assertThat(page.get("client_p95_ms").asDouble()).isGreaterThanOrEqualTo(
                    page.get("client_median_ms").asDouble());
        }
    }

    @Test
    void helpListsTheDashboardOptions() {
        assertThat(cli.execute("bench", "--help")).isZero();
        assertThat(cli.out()).contains("--dashboard", "--dashboard-runs=N",
                "--dashboard-ledger-rows=N", "--dashboard-requests=R");
    }
}
