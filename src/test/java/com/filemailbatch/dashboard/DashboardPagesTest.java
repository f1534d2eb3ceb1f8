package com.filemailbatch.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.Notify;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.DashboardClient;
import com.filemailbatch.support.DashboardTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import com.filemailbatch.support.UploadPartitionRows;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's pages over real HTTP, on real runs against the sandbox: what each page shows, its filters, its
 * errors in words and not stack traces, every text from a CSV escaped, no secret in any page; and the operators'
 * actions, each through the command line's code and recorded.
 */
@DashboardTest
class DashboardPagesTest {

    private static final String PASSWORD = "Tr0ub4dor-x9q-secret";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    JobRuns jobs;

    @Autowired
    DashboardDefinitions definitions;

    @TempDir
    Path dir;

    private DashboardClient viewer;
    private String name;

    @BeforeEach
    void data() throws Exception {
        TestData.reset(jdbc, sandbox);
        jdbc.update("UPDATE shedlock SET lock_until = locked_at");
        viewer = new DashboardClient(port);
        assertThat(viewer.signIn("viewer", DashboardTest.PASSWORD)).isTrue();
        name = "nightly-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRunsPageShowsItsStepsRejectedRowsTransfersAndReceiptWithoutASecret() throws Exception {
        Files.writeString(dir.resolve("plans.txt"), "the plans");
        Path input = TestData.csv(dir, "in.csv", "reference,subject,to,password,files",
                name + "-1,<script>alert(1)</script>,ann@example.com," + PASSWORD + ",",
                name + "-2,Uploaded plans,ann@example.com,,plans.txt",
                name + "-3,Broken,not-an-address,,");
        JobExecution run = jobs.send(input, LocalDate.of(2026, 11, 30));

        String page = viewer.page("/runs/" + run.getId());

        assertThat(page).contains("Run <span>" + run.getId() + "</span>", "COMPLETED_WITH_PROBLEMS",
                "initializeTransfersStep", "uploadTransfersStep", name + "-3", "not-an-address",
                name + "-2", "9 B", "intact", "run-" + run.getId() + ".json");
        assertThat(page).as("uploaded in this process: no workers").doesNotContain("id=\"workers\"");
        assertThat(viewer.page("/receipts")).contains("intact");
        assertThat(page).as("a subject is text, never markup").doesNotContain("<script>alert(1)</script>");
        long ledgerId = jdbc.queryForObject("SELECT id FROM transfer_ledger WHERE reference = ?", Long.class,
                name + "-1");
        String transfer = viewer.page("/transfers/" + ledgerId);
        assertThat(transfer).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "INITIALIZED")
                .doesNotContain("<script>alert(1)</script>");
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, sandbox.apiKey()));
        sandbox.transfers().stream().map(SandboxTransfer::key).forEach(secrets::add);
        for (String shown : List.of(page, transfer, viewer.page("/runs"), viewer.page("/transfers"),
                viewer.page("/"))) {
            for (String secret : secrets) {
                assertThat(shown).doesNotContain(secret);
            }
            assertThat(shown).doesNotContain("transferkey");
        }
    }

    @Test
    void aRunsPageWithWorkersTellsWhichRanWhichPartitionItsBytesAndDuration() throws Exception {
        Path input = TestData.csv(dir, "in.csv", "reference,subject,to", name + "-1,Spread,ann@example.com");
        JobExecution run = jobs.send(input, LocalDate.of(2026, 11, 29));
        UploadPartitionRows.ended(jdbc, run.getId(), 0, "4242@host-a", 3, 3_000_000_000L, 2,
                OffsetDateTime.now().minusHours(1), 90_000, "COMPLETED");
        UploadPartitionRows.running(jdbc, run.getId(), 1, "<b>worker-b</b>", 2, 1_234,
                OffsetDateTime.now().minusSeconds(30));

        String page = viewer.page("/runs/" + run.getId());

        String workers = page.substring(page.indexOf("<table class=\"grid\" id=\"workers\">"));
        workers = workers.substring(0, workers.indexOf("</table>"));
        assertThat(workers).contains("<th>Partition</th><th>Worker</th><th>State</th><th>Outcome</th>"
                + "<th>Transfers</th><th>Bytes</th><th>Duration</th><th>Attempts</th>");
        assertThat(workers.replaceAll("\\s+", " ")).contains("<td>run" + run.getId() + "-p0</td> <td>4242@host-a</td> "
                + "<td><span class=\"status other\">ENDED</span></td> "
                + "<td><span class=\"status ok\">COMPLETED</span></td> <td>3</td> <td>2.8 GiB</td> "
                + "<td>1 min 30 s</td> <td>2</td>")
                .contains("<td>run" + run.getId() + "-p1</td> <td>&lt;b&gt;worker-b&lt;/b&gt;</td> "
                        + "<td><span class=\"status running\">RUNNING</span></td> <td></td> <td>2</td> "
                        + "<td>1.2 KiB</td>");
        assertThat(page).as("a worker's name is text, never markup").doesNotContain("<b>worker-b</b>");
    }

    @Test
    void theRunsPageFiltersAndSaysWhatIsWrongWithAFilter() throws Exception {
        JobExecution good = jobs.send(TestData.csv(dir, "good.csv", "reference,subject,to",
                name + "-1,Hello,ann@example.com"), LocalDate.of(2026, 11, 30));
        JobExecution broken = jobs.send(TestData.csv(dir, "broken.csv", "reference,sujbect", "B-1,Typo"),
                LocalDate.of(2026, 11, 30));
        assertThat(broken.getStatus()).isEqualTo(BatchStatus.FAILED);

        String failed = viewer.page("/runs?status=failed");
        assertThat(failed).contains("href=\"/runs/" + broken.getId() + "\"").doesNotContain("href=\"/runs/"
                + good.getId() + "\"");
        String byInput = viewer.page("/runs?input=GOOD.CSV");
        assertThat(byInput).contains("href=\"/runs/" + good.getId() + "\"").doesNotContain("href=\"/runs/"
                + broken.getId() + "\"");
        String wrong = viewer.page("/runs?status=sleeping&from=yesterday");
        assertThat(wrong).contains("Status &#39;sleeping&#39; is not a run status or exit code",
                "From &#39;yesterday&#39; is not a date such as 2026-11-30.");

        String brokenPage = viewer.page("/runs/" + broken.getId());
        assertThat(brokenPage).contains("What went wrong:", "sujbect").doesNotContain("Exception:")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnknownRunIsANotFoundPageWithoutAStackTrace() throws Exception {
        HttpResponse<String> missing = viewer.get("/runs/987654321");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("404", "There is nothing here").doesNotContain("Exception");
    }

    @Test
    void theOverviewListsEachDefinitionWithItsLastRunAndNights() throws Exception {
        Path input = TestData.csv(dir, "in.csv", "reference,subject,to", name + "-1,Hello,ann@example.com");
        JobDefinition definition = new JobDefinition(dir.resolve(name + ".properties"), JobDefinition.Kind.SEND,
                "0 30 1 * * *", ZoneOffset.UTC, input, null, Duration.ofDays(1), Duration.ofHours(2), Notify.UNSET);
        definitions.set(List.of(definition));
        DashboardClient operator = new DashboardClient(port);
        assertThat(operator.signIn("operator", DashboardTest.PASSWORD)).isTrue();

        HttpResponse<String> launched = operator.submit("/", "/actions/definitions/" + name + "/launch", Map.of());

        assertThat(launched.statusCode()).isEqualTo(302);
        Long execution = awaitAction("launch", "definition " + name);
        String overview = viewer.page("/");
        assertThat(overview).contains(name, "sendTransfersJob", "0 30 1 * * *", "run " + execution, "COMPLETED",
                "free", "<svg class=\"chart\"");
        assertThat(viewer.page("/runs?definition=" + name)).contains("href=\"/runs/" + execution + "\"");
        assertThat(viewer.page("/actions")).contains("operator", "launch", "definition " + name, "DONE");
    }

    @Test
    void anOperatorRestartsAFailedRunAndCancelsATransferAViewerCannot() throws Exception {
        Path input = TestData.csv(dir, "in.csv", "reference,subject,to", name + "-1,Hello,ann@example.com");
        sandbox.respondNext("POST", "/transfer/initialize", 401, "InvalidApikey", "key revoked for a moment");
        JobExecution failed = jobs.send(input, LocalDate.of(2026, 11, 30));
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        DashboardClient operator = new DashboardClient(port);
        assertThat(operator.signIn("operator", DashboardTest.PASSWORD)).isTrue();

        assertThat(viewer.page("/runs/" + failed.getId())).doesNotContain("id=\"restart\"");
        assertThat(viewer.submit("/runs/" + failed.getId(), "/actions/runs/" + failed.getId() + "/restart",
                Map.of()).statusCode()).isEqualTo(403);
        assertThat(operator.page("/runs/" + failed.getId())).contains("id=\"restart\"");
        assertThat(operator.submit("/runs/" + failed.getId(), "/actions/runs/" + failed.getId() + "/restart",
                Map.of()).statusCode()).isEqualTo(302);

        Long restarted = awaitAction("restart", "run " + failed.getId());
        assertThat(restarted).isGreaterThan(failed.getId());
        assertThat(jdbc.queryForObject("SELECT status FROM transfer_ledger WHERE reference = ?", String.class,
                name + "-1")).isEqualTo("INITIALIZED");

        long ledgerId = jdbc.queryForObject("SELECT id FROM transfer_ledger WHERE reference = ?", Long.class,
                name + "-1");
        assertThat(operator.submit("/transfers/" + ledgerId, "/actions/transfers/" + ledgerId + "/cancel",
                Map.of("reference", name + "-1")).statusCode()).isEqualTo(302);
        awaitAction("cancel", "transfer " + name + "-1");
        assertThat(jdbc.queryForObject("SELECT status FROM transfer_ledger WHERE reference = ?", String.class,
                name + "-1")).isEqualTo("CANCELLED");
        assertThat(operator.page("/transfers/" + ledgerId)).contains("CANCELLED", "cancelStaleTransfersStep");
        assertThat(operator.submit("/runs/" + restarted, "/actions/runs/" + restarted + "/restart", Map.of())
                .headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                        .endsWith("/runs/" + restarted));
        assertThat(viewer.page("/actions")).contains("REFUSED", "only a FAILED or STOPPED run is restarted");
    }

    @Test
    void aFinishedRunsProgressSaysItIsNotRunning() throws Exception {
        JobExecution run = jobs.send(TestData.csv(dir, "in.csv", "reference,subject,to",
                name + "-1,Hello,ann@example.com", name + "-2,Hello,bob@example.com"), LocalDate.of(2026, 11, 30));

        JsonNode progress = JsonMapper.builder().build().readTree(viewer.page("/runs/" + run.getId() + "/progress"));

        assertThat(progress.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(progress.get("running").asBoolean()).isFalse();
        assertThat(progress.get("rowsDone").asLong()).isEqualTo(2);
        assertThat(progress.get("rowsTotal").asLong()).isEqualTo(2);
        assertThat(progress.get("step").asString()).isEqualTo("reportStep");
    }

    /** Waits for the newest action of that kind and target to end; returns the run it started or touched. */
    private Long awaitAction(String action, String target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT status, result, job_execution_id FROM "
                    + "dashboard_action WHERE action = ? AND target = ? ORDER BY id DESC", action, target);
            if (!rows.isEmpty() && !"ASKED".equals(rows.get(0).get("status"))) {
                assertThat(rows.get(0).get("status")).as(String.valueOf(rows.get(0).get("result"))).isEqualTo("DONE");
                Object execution = rows.get(0).get("job_execution_id");
                return execution == null ? null : ((Number) execution).longValue();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(action + " of " + target + " did not end within 120 s");
    }
}
