package com.filemailbatch.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.JobDefinitionLoader;
import com.filemailbatch.launch.DefinitionRunner;
import com.filemailbatch.launch.Launch;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.Browser;
import com.filemailbatch.support.DashboardTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard as a person uses it, in a real browser (Debian's Chromium): the overview after the sample run,
 * filtering runs, reading a rejected row's reason, a running run's progress moving on screen, an operator stopping
 * a run and restarting it while a viewer can do neither, an HTML subject shown as text, and no secret in any page.
 * Screenshots of the pages go to {@code target/screenshots}.
 */
@DashboardTest
class DashboardBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

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

    private final List<String> sources = new ArrayList<>();

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void data() {
        TestData.reset(jdbc, sandbox);
        jdbc.update("UPDATE shedlock SET lock_until = locked_at");
        browser.driver().manage().deleteAllCookies();
    }

    @AfterEach
    void noSecretInAnyPage() {
        List<String> secrets = new ArrayList<>(List.of(sandbox.apiKey(), "Tr0ub4dor-x9q-secret"));
        sandbox.transfers().stream().map(SandboxTransfer::key).forEach(secrets::add);
        for (String source : sources) {
            for (String secret : secrets) {
                assertThat(source).doesNotContain(secret);
            }
        }
        sandbox.setLatency(Duration.ZERO);
    }

    @Test
    void theOverviewAfterTheSampleRunThenTheRunsFilteredAndARejectedRowsReason() throws Exception {
        JobDefinition nightly = JobDefinitionLoader.load(Path.of("jobs/nightly-send.properties"));
        definitions.set(List.of(nightly, JobDefinitionLoader.load(Path.of("jobs/hourly-cleanup.properties"))));
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(lines, true, StandardCharsets.UTF_8);
        List<Launch> sample = DefinitionRunner.of(context, print, print).run(nightly, LocalDate.now(), null, false);
        JobExecution rejections = jobs.send(Path.of("sample-data/with-rejections.csv"), LocalDate.now());
        signIn("viewer");

        open("/");
        browser.waitForText(By.id("definitions"), "nightly-send");
        String row = browser.driver().findElement(By.cssSelector("tr[data-definition='nightly-send']")).getText();
        assertThat(row).contains("sendTransfersJob", "0 30 1 * * *", "Europe/Oslo", "COMPLETED",
                "run " + sample.get(0).executionId(), "free");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-definition='nightly-send'] svg rect")))
                .hasSize(30);
        browser.screenshot("overview");

        open("/runs");
        browser.driver().findElement(By.cssSelector("select[name=status] option[value=COMPLETED_WITH_PROBLEMS]"))
                .click();
        browser.driver().findElement(By.cssSelector("#run-filters button[type=submit]")).click();
        browser.waitForText(By.id("runs"), "COMPLETED_WITH_PROBLEMS");
        assertThat(browser.driver().getCurrentUrl()).contains("status=COMPLETED_WITH_PROBLEMS");
        assertThat(browser.driver().findElements(By.cssSelector("#runs tr[data-run]")))
                .extracting(r -> r.getAttribute("data-run")).contains(String.valueOf(rejections.getId()))
                .doesNotContain(String.valueOf(sample.get(0).executionId()));
        keep();
        browser.screenshot("runs");

        browser.driver().findElement(By.linkText(String.valueOf(rejections.getId()))).click();
        browser.waitForText(By.id("rejected"), "is not an e-mail address");
        assertThat(browser.driver().findElement(By.id("rejected")).getText()).contains("BAD-1", "to",
                "'not-an-email' is not an e-mail address");
        assertThat(browser.driver().findElement(By.id("receipt")).getText()).contains("intact");
        keep();
        browser.screenshot("run");
    }

    @Test
    void aRunningRunsProgressMovesOnScreenAndAnOperatorStopsAndRestartsItAViewerCannot() throws Exception {
        sandbox.setLatency(Duration.ofMillis(300));
        Path input = TestData.rows(dir, "slow.csv", 1000);
        CompletableFuture<JobExecution> running = CompletableFuture.supplyAsync(() -> {
            try {
                return jobs.send(input, LocalDate.of(2026, 11, 30));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long id = awaitStartedRun();

        signIn("viewer");
        open("/runs/" + id);
        browser.waitFor(By.id("progress"));
        long first = rowsDone();
        new WebDriverWait(browser.driver(), Browser.DEADLINE).withMessage(() -> "the progress did not move:\n"
                + browser.driver().findElement(By.id("progress")).getText()).until(driver -> rowsDone() > first);
        assertThat(browser.driver().findElement(By.cssSelector("[data-field=rowsTotal]")).getText()).isEqualTo("1000");
        browser.screenshot("progress");
        assertThat(browser.driver().findElements(By.id("stop"))).as("a viewer has no Stop").isEmpty();
        // Not through a button: a form the viewer builds with its own valid CSRF token is refused all the same.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("const f = document.createElement('form'); f.method = 'post';"
                + "f.action = '/actions/runs/" + id + "/stop'; const t = document.querySelector('input[name=_csrf]');"
                + "f.appendChild(t.cloneNode()); document.body.appendChild(f); f.submit();");
        browser.waitForText("Not allowed");
        assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                String.class, id)).isEqualTo("STARTED");

        signIn("operator");
        open("/runs/" + id);
        browser.driver().findElement(By.id("stop")).click();
        browser.driver().switchTo().alert().accept();
        browser.waitForText("stops after its chunk in flight");
        assertThat(running.get().getStatus()).isEqualTo(BatchStatus.STOPPED);
        open("/runs/" + id);
        browser.waitForText(By.id("run-status"), "STOPPED");
        sandbox.setLatency(Duration.ZERO);
        browser.driver().findElement(By.id("restart")).click();
        browser.driver().switchTo().alert().accept();
        browser.waitForText("restart of run " + id + " started");

        open("/actions");
        new WebDriverWait(browser.driver(), Browser.DEADLINE).until(driver -> {
            driver.navigate().refresh();
            return driver.findElement(By.id("actions")).getText().contains("restart run " + id + " DONE");
        });
        assertThat(browser.driver().findElement(By.id("actions")).getText()).contains("operator stop run " + id
                + " DONE").as("the viewer's attempt never reached an action").doesNotContain("viewer");
        keep();
        browser.screenshot("actions");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM transfer_ledger WHERE status = 'INITIALIZED'",
                Long.class)).as("every row sent once the restart completed").isEqualTo(1000);
    }

    @Test
    void anHtmlSubjectIsShownAsTextAndRunsNothing() throws Exception {
        String name = "html-" + UUID.randomUUID().toString().substring(0, 8);
        jobs.send(TestData.csv(dir, "html.csv", "reference,subject,to",
                name + ",<script>alert('owned')</script><b>bold</b>,ann@example.com"), LocalDate.of(2026, 11, 30));
        long ledgerId = jdbc.queryForObject("SELECT id FROM transfer_ledger WHERE reference = ?", Long.class, name);
        signIn("viewer");

        open("/transfers?reference=" + name);
        browser.waitForText(By.id("transfers"), "<script>alert('owned')</script><b>bold</b>");
        open("/transfers/" + ledgerId);
        assertThat(browser.waitFor(By.id("subject")).getText()).isEqualTo("<script>alert('owned')</script><b>bold</b>");
        assertThat(browser.driver().findElements(By.cssSelector("#subject b, #subject script"))).isEmpty();
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        keep();
        browser.screenshot("transfer");
    }

    private void signIn(String user) {
        browser.driver().manage().deleteAllCookies();
        open("/login");
        browser.driver().findElement(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(DashboardTest.PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText(By.className("who"), user);
    }

    private void open(String path) {
        browser.open("http://127.0.0.1:" + port + path);
        keep();
    }

    private void keep() {
        sources.add(browser.pageSource());
    }

    private long rowsDone() {
        String text = browser.driver().findElement(By.cssSelector("[data-field=rowsDone]")).getText();
        return text.matches("\\d+") ? Long.parseLong(text) : -1;
    }

    private long awaitStartedRun() throws InterruptedException {
        long deadline = System.nanoTime() + Browser.DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            List<Long> started = jdbc.queryForList("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e JOIN "
                    + "BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE e.STATUS = 'STARTED' "
                    + "AND s.STEP_NAME = 'initializeTransfersStep'", Long.class);
            if (!started.isEmpty()) {
                return started.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no run started within " + Browser.DEADLINE);
    }
}
