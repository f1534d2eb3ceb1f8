package com.filemailbatch.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.filemailbatch.csv.InputFileException;
import com.filemailbatch.filemail.FilemailProperties;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.liveness.RunStopper;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.RecordedRequest;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.settings.BatchSettings;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@FilemailBatchTest
class SendTransfersJobTest {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 25);

    @Autowired
    JobRuns jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    LedgerRepository ledger;

    @Autowired
    FilemailProperties properties;

    @Autowired
    BatchSettings settings;

    @Autowired
    RunStopper runStopper;

    @TempDir
    Path dir;

    @BeforeEach
    void cleanSlate() {
        TestData.reset(jdbc, sandbox);
    }

    @Test
    void initializesValidRowsRecordsRejectedOnesAndReportsBoth() throws Exception {
        Path input = TestData.csv(dir, "orders.csv",
                "reference,subject,to,message,days,notify,confirmation",
                "A-1,Invoice 1,ann@example.com,\"Hello,\nAnn\",7,true,false",
                "A-2,Invoice 2,bob@,Hi,7,,",
                "A-3,Invoice 3,cat@example.com;dan@example.com,,-1,false,true",
                "A-4,,eve@example.com,,,,");

        JobExecution execution = jobs.send(input, RUN_DATE);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        assertThat(TestData.ledgerStatuses(jdbc)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "A-1", "INITIALIZED", "A-2", "REJECTED", "A-3", "INITIALIZED", "A-4", "REJECTED"));

        List<Map<String, Object>> rows = TestData.ledger(jdbc);
        Map<String, Object> first = rows.get(0);
        assertThat(first.get("SOURCE_LINE")).isEqualTo(2L);
        assertThat(first.get("SOURCE_FILE").toString()).endsWith("orders.csv");
        assertThat(first.get("JOB_EXECUTION_ID")).isEqualTo(execution.getId());
        SandboxTransfer created = sandbox.transfers().stream()
                .filter(t -> t.subject().equals("Invoice 1")).findFirst().orElseThrow();
        assertThat(first.get("TRANSFER_ID")).isEqualTo(created.id());
        assertThat(first.get("TRANSFER_URL")).isEqualTo(sandbox.baseUrl() + "/savefile.ashx");
        // The key is stored encrypted, and decrypts to what Filemail returned.
        assertThat(first.get("TRANSFER_KEY_ENC").toString()).startsWith("v1.").doesNotContain(created.key());
        assertThat(ledger.transferKey(ledger.find("A-1").orElseThrow())).isEqualTo(created.key());

        Map<String, Object> rejected = rows.get(1);
        assertThat(rejected.get("LAST_ERROR_MESSAGE")).isEqualTo("'bob@' is not an e-mail address");
        assertThat(rejected.get("TRANSFER_ID")).isNull();

        assertThat(sandbox.transfers()).hasSize(2);
        assertThat(initializeRequests()).hasSize(2);
        assertThat(jdbc.queryForList("SELECT source_line, outcome, column_name FROM run_journal "
                + "WHERE job_execution_id = ? ORDER BY source_line", execution.getId()))
                .extracting(row -> row.get("SOURCE_LINE") + " " + row.get("OUTCOME") + " " + row.get("COLUMN_NAME"))
                .containsExactly("2 INITIALIZED null", "4 REJECTED to", "5 INITIALIZED null", "6 REJECTED subject");
    }

    @Test
    void initializeCallsRunConcurrentlyButNeverMoreThanTheConfiguredConcurrency() throws Exception {
        String[] lines = new String[41];
        lines[0] = "subject";
        for (int i = 1; i <= 40; i++) {
            lines[i] = "Concurrent " + i;
        }
        Path input = TestData.csv(dir, "concurrent.csv", lines);
        // Slow answers keep calls in flight long enough to overlap.
        sandbox.setLatency(Duration.ofMillis(150));

        jobs.send(input, RUN_DATE);

        assertThat(sandbox.transfers()).hasSize(40);
        assertThat(sandbox.maxConcurrentRequests()).isGreaterThan(1)
                .isLessThanOrEqualTo(settings.concurrency());
    }

    @Test
    void theSameFileRunAgainSendsNothingTwice() throws Exception {
        Path input = TestData.csv(dir, "again.csv", "reference,subject", "B-1,First", "B-2,Second");

        jobs.send(input, RUN_DATE);
        JobExecution second = jobs.send(input, RUN_DATE.plusDays(1));

        assertThat(second.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(sandbox.transfers()).hasSize(2);
        assertThat(jdbc.queryForList("SELECT outcome FROM run_journal WHERE job_execution_id = ?", String.class,
                second.getId())).containsExactly("ALREADY_SENT", "ALREADY_SENT");
    }

    @Test
    void aCompletedRunOfTheSameDateIsNotStartedAgain() throws Exception {
        Path input = TestData.csv(dir, "once.csv", "subject", "Only once");
        jobs.send(input, RUN_DATE);

        assertThatThrownBy(() -> jobs.send(input, RUN_DATE)).isInstanceOf(JobInstanceAlreadyCompleteException.class);
        assertThat(sandbox.transfers()).hasSize(1);
    }

    @Test
    void rowsWithoutReferenceAreKeyedByTheirContentSoADuplicateRowIsSentOnce() throws Exception {
        Path input = TestData.csv(dir, "dupes.csv", "subject,to", "Same,x@example.com", "Same,X@example.com ",
                "Other,x@example.com");

        JobExecution execution = jobs.send(input, RUN_DATE);

        assertThat(sandbox.transfers()).extracting(SandboxTransfer::subject).containsExactlyInAnyOrder("Same",
                "Other");
        assertThat(TestData.ledgerStatuses(jdbc).keySet()).allMatch(reference -> reference.startsWith("sha256:"));
        assertThat(jdbc.queryForList("SELECT outcome FROM run_journal WHERE job_execution_id = ? ORDER BY "
                + "source_line", String.class, execution.getId()))
                .containsExactlyInAnyOrder("INITIALIZED", "INITIALIZED", "DUPLICATE");
    }

    @Test
    void aRunThatFailsWhenTheApiGoesDownResumesWithoutResendingCommittedRows() throws Exception {
        String[] lines = new String[601];
        lines[0] = "reference,subject";
        for (int i = 1; i <= 600; i++) {
            lines[i] = "R-" + i + ",Transfer " + i;
        }
        Path input = TestData.csv(dir, "big.csv", lines);
        // The API answers the first 300 initialize calls (more than a chunk), then goes down.
        sandbox.setLatency(Duration.ZERO);
        FailAfter failAfter = new FailAfter(sandbox, 300);
        failAfter.start();

        JobExecution failed = jobs.send(input, RUN_DATE);
        failAfter.join();

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        // Rows failed one after another, each after all its retries, until the run gave up on the service.
        assertThat(failed.getAllFailureExceptions().stream().flatMap(SendTransfersJobTest::causes))
                .filteredOn(FilemailUnavailableException.class::isInstance)
                .first().extracting(Throwable::getMessage).asString().startsWith("Filemail failed for "
                        + properties.retry().stopAfterConsecutiveFailures() + " rows in a row after all retries");
        int createdBeforeOutage = sandbox.transfers().size();
        assertThat(createdBeforeOutage).isBetween(300, 599);
        Map<String, String> afterFailure = TestData.ledgerStatuses(jdbc);
        assertThat(afterFailure.values().stream().filter("INITIALIZED"::equals).count())
                .isEqualTo(createdBeforeOutage);

        // Even a failed run leaves its report: what it did before it stopped.
        JsonNode failedReport = new JsonMapper().readTree(Path.of(settings.reportsDir())
                .resolve("run-" + failed.getId() + ".json").toFile());
        assertThat(failedReport.get("summary").get("initialized").asLong()).isPositive()
                .isLessThanOrEqualTo(createdBeforeOutage);

        sandbox.setUnavailable(false);
        JobExecution resumed = jobs.send(input, RUN_DATE);

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        // The restart reads on from the last committed chunk: the rows before it are not read again.
        assertThat(readCount(resumed, "initializeTransfersStep")).as("rows read by the restart")
                .isEqualTo(600 - committedRows(failed, "initializeTransfersStep"));
        assertThat(sandbox.transfers()).hasSize(600);
        assertThat(sandbox.transfers().stream().map(SandboxTransfer::subject).distinct()).hasSize(600);
        assertThat(TestData.ledgerStatuses(jdbc).values()).hasSize(600).containsOnly("INITIALIZED");
    }

    @Test
    void writesTheRunReportAndTheRejectedRowsBesideIt() throws Exception {
        Path input = TestData.csv(dir, "report.csv", "reference,subject,days", "C-1,Fine,7", "C-2,Bad days,0",
                "C-3,,3");

        JobExecution execution = jobs.send(input, RUN_DATE);

        Path reportsDir = Path.of(settings.reportsDir());
        JsonNode report = new JsonMapper().readTree(reportsDir.resolve("run-" + execution.getId() + ".json").toFile());
        assertThat(report.get("executionId").asLong()).isEqualTo(execution.getId());
        assertThat(report.get("parameters").get("input").asString()).endsWith("report.csv");
        JsonNode summary = report.get("summary");
        assertThat(summary.get("rowsRead").asLong()).isEqualTo(3);
        assertThat(summary.get("initialized").asLong()).isEqualTo(1);
        assertThat(summary.get("rejected").asLong()).isEqualTo(2);
        assertThat(Files.readAllLines(reportsDir.resolve("run-" + execution.getId() + "-rejected.csv")))
                .containsExactly("line,reference,column,reason",
                        "3,C-2,days,\"days must be -1 or a whole number of at least 1, got '0'\"",
                        "4,C-3,subject,subject is required");
    }

    @Test
    void aDryRunSendsNothingAndLeavesTheLedgerAlone() throws Exception {
        Path input = TestData.csv(dir, "dry.csv", "reference,subject,to", "D-1,Would go,a@example.com",
                "D-2,Would not,nobody");

        JobExecution execution = jobs.sendDryRun(input, RUN_DATE);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sandbox.requests()).isEmpty();
        assertThat(TestData.ledgerStatuses(jdbc)).isEmpty();
        assertThat(jdbc.queryForList("SELECT outcome FROM run_journal WHERE job_execution_id = ? ORDER BY "
                + "source_line", String.class, execution.getId())).containsExactly("WOULD_SEND", "REJECTED");
        // A dry run is an instance of its own: the real run of the date can still happen.
        assertThat(jobs.send(input, RUN_DATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sandbox.transfers()).hasSize(1);
    }

    @Test
    void aFileWithAnUnknownColumnFailsTheRunBeforeAnythingIsSent() throws Exception {
        Path input = TestData.csv(dir, "typo.csv", "reference,sujbect", "E-1,Never sent");

        JobExecution execution = jobs.send(input, RUN_DATE);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions()).anySatisfy(failure -> assertThat(failure)
                .isInstanceOf(InputFileException.class)
                .hasMessage(input + ": line 1: unknown column 'sujbect' (known columns: reference, subject, to, "
                        + "message, password, days, notify, confirmation, files)"));
        assertThat(sandbox.requests()).isEmpty();
        assertThat(TestData.ledgerStatuses(jdbc)).isEmpty();
    }

    @Test
    void aRunStoppedOnRequestFinishesItsCallsAndResumesWhereItStopped() throws Exception {
        // Several chunks: calls stay in flight across chunks, the stop is seen at a chunk's commit.
        String[] lines = new String[1501];
        lines[0] = "reference,subject";
        for (int i = 1; i <= 1500; i++) {
            lines[i] = "ST-" + i + ",Stopped " + i;
        }
        Path input = TestData.csv(dir, "stopped.csv", lines);
        sandbox.setLatency(Duration.ofMillis(5));
        Thread stopper = new Thread(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sandbox.transfers().size() < 100 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            // What the command line does on SIGTERM.
            runStopper.requestStop("sendTransfersJob", JobRuns.sendParameters(input, RUN_DATE));
        });
        stopper.start();

        JobExecution stopped = jobs.send(input, RUN_DATE);
        stopper.join();

        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(TestData.ledgerStatuses(jdbc).values()).containsOnly("INITIALIZED");
        long sentBeforeStop = sandbox.transfers().size();
        assertThat(sentBeforeStop).isLessThan(1500).isEqualTo(committedRows(stopped, "initializeTransfersStep"));

        JobExecution resumed = jobs.send(input, RUN_DATE);

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(readCount(resumed, "initializeTransfersStep")).isEqualTo(1500 - sentBeforeStop);
        assertThat(sandbox.transfers()).hasSize(1500);
        assertThat(TestData.ledgerStatuses(jdbc).values()).hasSize(1500).containsOnly("INITIALIZED");
    }

    /** Rows of a step that were committed (every chunk of these runs is full but the file's last). */
    private long committedRows(JobExecution execution, String stepName) {
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().equals(stepName))
                .mapToLong(step -> step.getCommitCount() * settings.chunkSize()).sum();
    }

    private static java.util.stream.Stream<Throwable> causes(Throwable failure) {
        return java.util.stream.Stream.iterate(failure, java.util.Objects::nonNull, Throwable::getCause);
    }

    private static long readCount(JobExecution execution, String stepName) {
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().equals(stepName))
                .mapToLong(step -> step.getReadCount()).sum();
    }

    private List<RecordedRequest> initializeRequests() {
        return sandbox.requests().stream().filter(r -> r.path().equals("/transfer/initialize")).toList();
    }

    /** Makes the sandbox unavailable once it has answered {@code count} initialize calls. */
    private static final class FailAfter extends Thread {
        private final FilemailSandbox sandbox;
        private final int count;

        FailAfter(FilemailSandbox sandbox, int count) {
            this.sandbox = sandbox;
            this.count = count;
            setDaemon(true);
        }

        @Override
        public void run() {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sandbox.transfers().size() < count && System.nanoTime() < deadline) {
                sleepQuietly();
            }
            sandbox.setUnavailable(true);
        }

        private static void sleepQuietly() {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
