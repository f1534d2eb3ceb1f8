package com.filemailbatch.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxFaults;
import com.filemailbatch.settings.BatchSettings;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Faults, lost answers, fatal answers and the quota: every valid row still ends in exactly one transfer. */
@FilemailBatchTest
class ExactlyOnceJobTest {

    private static final int ROWS = 120;

    @Autowired
    JobRuns jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    BatchSettings properties;

    @Autowired
    ThreadPoolTaskExecutor callExecutor;

    @TempDir
    Path dir;

    /** Each run of a test is a new instance: the next day of the month. */
    private final JobRuns.Days days = JobRuns.Days.of(2026, 5);

    @BeforeEach
    void cleanSlate() {
        TestData.reset(jdbc, sandbox);
    }

    @Test
    void thirtyPercentTransientFaultsStillGiveEveryRowExactlyOneTransfer() throws Exception {
        Path input = rows("faults.csv", ROWS);
        sandbox.setFaults(SandboxFaults.transientShare(0.3).withRetryAfter(Duration.ZERO));

        JobExecution first = jobs.send(input, days.next());
        // A row whose five attempts all failed (0.3^5 per row) is FAILED; the next run of the file sends it.
        JobExecution last = first;
        for (int again = 0; again < 3 && !TestData.ledgerStatuses(jdbc).values().stream()
                .allMatch("INITIALIZED"::equals); again++) {
            last = jobs.send(input, days.next());
        }

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sandbox.injectedFaults().total()).isPositive();
        assertThat(last.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertExactlyOneLiveTransferPerRow(ROWS);
    }

    @Test
    void answersLostAfterTheTransferWasCreatedLeaveNoDuplicate() throws Exception {
        Path input = rows("lost.csv", ROWS);
        sandbox.setFaults(SandboxFaults.none().withDropAfterCreateShare(0.3));

        JobExecution execution = jobs.send(input, days.next());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sandbox.injectedFaults().droppedAfterCreate()).isPositive();
        assertExactlyOneLiveTransferPerRow(ROWS);
        // Each lost answer was followed by a look at the sent list, and the transfer found there was adopted.
        assertThat(outcomes(execution)).containsEntry("ADOPTED", sandbox.injectedFaults().droppedAfterCreate());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM transfer_ledger WHERE last_error_status = 'ADOPTED'",
                Long.class)).isEqualTo(sandbox.injectedFaults().droppedAfterCreate());
    }

    @Test
    void transfersWhoseAnswersWereLostWhenTheRunStoppedAreAdoptedByTheNextRun() throws Exception {
        Path input = rows("stopped.csv", 3);
        // Every answer to initialize is lost, and the search for the lost transfers is refused: the run stops with
        // three transfers created at Filemail that the ledger does not know, as after a crash.
        sandbox.setFaults(SandboxFaults.none().withDropAfterCreateShare(1.0));
        for (int row = 0; row < 3; row++) {
            sandbox.respondNext("GET", "/transfer/sent", 401, "InvalidApikey", "key revoked for a moment");
        }
        JobExecution stopped = jobs.send(input, days.next());
        awaitCallsInFlight();
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(TestData.ledgerStatuses(jdbc).values()).doesNotContain("INITIALIZED", "PENDING");
        long createdBeforeRestart = sandbox.transfers().size();
        assertThat(createdBeforeRestart).isPositive();

        sandbox.setFaults(SandboxFaults.none());
        JobExecution resumed = jobs.send(input, days.next());

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertExactlyOneLiveTransferPerRow(3);
        assertThat(outcomes(resumed)).containsEntry("ADOPTED", createdBeforeRestart);
    }

    @ParameterizedTest(name = "{0} {1} stops the run at once")
    @CsvSource({"401, InvalidApikey", "401, MissingApikey", "403, AccessDenied", "409, AccountExpired",
            "409, StorageCapReached", "409, FreeLimitReached"})
    void aFatalAnswerStopsTheRunOnItsFirstOccurrence(int httpStatus, String responseStatus) throws Exception {
        Path input = rows("fatal-" + responseStatus + ".csv", 200);
        sandbox.respondNext("POST", "/transfer/initialize", httpStatus, responseStatus, "account problem");
        // Calls that answer at once would let the other threads make many calls while the fatal answer is being
        // handled (milliseconds on a busy machine): with a latency far above that, the calls that go out are the
        // first wave and those started as it answered, at most two per thread.
        sandbox.setLatency(Duration.ofMillis(250));
        JobExecution execution;
        try {
            execution = jobs.send(input, days.next());
        } finally {
            sandbox.setLatency(Duration.ZERO);
        }

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions()).anySatisfy(failure -> assertThat(rootFilemailMessage(failure))
                .contains("HTTP " + httpStatus + " " + responseStatus));
        awaitCallsInFlight();
        // One fatal answer, and no call after it: only calls in flight around that moment went out, a few of the
        // 200 rows, every one of them recorded.
        List<Integer> statuses = sandbox.requests().stream()
                .filter(request -> request.path().equals("/transfer/initialize"))
                .map(request -> request.status()).toList();
        assertThat(statuses).as(statuses::toString).containsOnlyOnce(httpStatus)
                .hasSizeLessThanOrEqualTo(2 * properties.concurrency());
        assertThat(TestData.ledgerStatuses(jdbc).values()).doesNotContain("PENDING");
        assertThat(TestData.ledgerStatuses(jdbc).values().stream().filter("INITIALIZED"::equals).count())
                .isEqualTo(sandbox.transfers().size());
    }

    @Test
    void theQuotaDefersTheRestAndTheNextRunSendsThemFirst() throws Exception {
        Path input = rows("quota.csv", 20);
        sandbox.respondNext("POST", "/transfer/initialize", 429, "ApiKeyQuotaExceeded", "daily quota used up");

        JobExecution limited = jobs.send(input, days.next());

        assertThat(limited.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(limited.getExitStatus().getExitCode()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        long sentBeforeQuota = sandbox.transfers().size();
        Map<String, Long> statuses = TestData.ledgerStatuses(jdbc).values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(statuses.getOrDefault("DEFERRED", 0L)).isEqualTo(20 - sentBeforeQuota).isPositive();
        assertThat(outcomes(limited)).containsEntry("DEFERRED", 20 - sentBeforeQuota);

        // The next night's run has another file: the deferred rows go out first, from the ledger.
        Path tomorrow = TestData.csv(dir, "tomorrow.csv", "reference,subject", "NEXT-1,Tomorrow's transfer");
        JobExecution next = jobs.send(tomorrow, days.next());

        assertThat(next.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForList("SELECT step_name FROM run_journal WHERE job_execution_id = ? "
                + "AND outcome = 'INITIALIZED' ORDER BY id", String.class, next.getId()))
                .hasSize((int) (20 - sentBeforeQuota) + 1)
                .endsWith("initializeTransfersStep")
                .startsWith("resumeUnsentTransfersStep");
        assertExactlyOneLiveTransferPerRow(21);
    }

    private void assertExactlyOneLiveTransferPerRow(int rows) {
        TestData.assertExactlyOneLiveTransferPerRow(sandbox, jdbc, rows);
    }

    /** A failed chunk returns before its other calls end; wait (bounded) until they are done and recorded. */
    private void awaitCallsInFlight() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (callExecutor.getActiveCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(callExecutor.getActiveCount()).isZero();
    }

    private Map<String, Long> outcomes(JobExecution execution) {
        return jdbc.queryForList("SELECT outcome FROM run_journal WHERE job_execution_id = ?", String.class,
                execution.getId()).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String rootFilemailMessage(Throwable failure) {
        String message = "";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof com.filemailbatch.filemail.FilemailApiException) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private Path rows(String name, int count) {
        return TestData.rows(dir, name, count);
    }
}
