package com.filemailbatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.ledger.TransferRecord;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import com.filemailbatch.support.UploadPartitionRows;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import tools.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.ObjectMapper;

@FilemailBatchTest
class AuditQueriesTest {

    @Autowired
    AuditQueries audit;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    JobRuns jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    @TempDir
    Path dir;

    private JobExecution execution;

    @BeforeEach
    void oneRunWithASentAndARejectedRow() throws Exception {
        TestData.reset(jdbc, sandbox);
        Path input = TestData.csv(dir, "audited.csv", "reference,subject,to,password", "AU-1,Audited,a@example.com,"
                + "s3cret-pass", "AU-2,Rejected,b@,");
        execution = jobs.send(input, LocalDate.of(2026, 3, 1));
    }

    @Test
    void historyListsTheRunWithItsParametersAndOutcomes() {
        RunRecord run = audit.history(50).stream().filter(r -> r.executionId() == execution.getId()).findFirst()
                .orElseThrow();

        assertThat(run.jobName()).isEqualTo("sendTransfersJob");
        assertThat(run.status()).isEqualTo("COMPLETED");
        assertThat(run.exitCode()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        assertThat(run.exitMessage()).isEqualTo("1 rejected, 0 failed");
        assertThat(run.input()).endsWith("audited.csv");
        assertThat(run.runDate()).isEqualTo("2026-03-01");
        assertThat(run.outcomes()).containsEntry("INITIALIZED", 1L).containsEntry("REJECTED", 1L);
        assertThat(audit.history(1)).hasSize(1);
    }

    @Test
    void showTellsStepsRejectionsAndTransfersButNeverAKeyOrPassword() {
        RunDetails details = audit.show(execution.getId()).orElseThrow();

        assertThat(details.steps()).extracting(StepRecord::stepName)
                .containsExactly("resumeUnsentTransfersStep", "initializeTransfersStep", "uploadTransfersStep",
                        "cancelStaleTransfersStep",
                        "reportStep");
        assertThat(details.steps().get(1).readCount()).isEqualTo(2);
        assertThat(details.parameters()).containsKeys("input", "runDate", "dryRun", "staleAfter");
        assertThat(details.rejected()).singleElement().satisfies(row -> {
            assertThat(row.sourceLine()).isEqualTo(3);
            assertThat(row.columnName()).isEqualTo("to");
            assertThat(row.reason()).isEqualTo("'b@' is not an e-mail address");
        });
        SandboxTransfer sent = sandbox.transfers().get(0);
        assertThat(details.transfers()).extracting(TransferRecord::reference, TransferRecord::status,
                TransferRecord::transferId).contains(org.assertj.core.groups.Tuple.tuple("AU-1", "INITIALIZED",
                sent.id()));

        AuditRenderer renderer = new AuditRenderer(objectMapper);
        assertThat(renderer.details(details)).contains("AU-1", sent.id(), "'b@' is not an e-mail address");
        assertThat(renderer.json(details)).contains("AU-1", sent.id());
        for (String shown : new String[] {renderer.json(details), renderer.details(details),
                renderer.historyTable(audit.history(5)), renderer.json(audit.history(5))}) {
            assertThat(shown).doesNotContain(sent.key()).doesNotContain("s3cret-pass").doesNotContain("v1.");
        }
    }

    @Test
    void historyFiltersByStatusOrExitCodeAndByStartTime() throws Exception {
        Path broken = TestData.csv(dir, "broken.csv", "reference,sujbect", "AU-3,Typo in the header");
        JobExecution failed = jobs.send(broken, LocalDate.of(2026, 3, 2));
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        assertThat(ids(new HistoryFilter(1000, "FAILED", null))).contains(failed.getId())
                .doesNotContain(execution.getId());
        assertThat(ids(new HistoryFilter(1000, "COMPLETED_WITH_PROBLEMS", null))).contains(execution.getId())
                .doesNotContain(failed.getId());
        // A status matches the batch status as well as the exit code.
        assertThat(ids(new HistoryFilter(1000, "COMPLETED", null))).contains(execution.getId())
                .doesNotContain(failed.getId());

        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET START_TIME = ?, CREATE_TIME = ? WHERE JOB_EXECUTION_ID = ?",
                Timestamp.valueOf("2020-06-30 23:59:59"), Timestamp.valueOf("2020-06-30 23:59:00"),
                execution.getId());
        assertThat(ids(new HistoryFilter(1000, null, LocalDateTime.of(2020, 7, 1, 0, 0)))).contains(failed.getId())
                .doesNotContain(execution.getId());
        assertThat(ids(new HistoryFilter(1000, null, LocalDateTime.of(2020, 6, 30, 23, 59, 59))))
                .contains(failed.getId(), execution.getId());
        assertThat(audit.history(new HistoryFilter(1, null, null))).singleElement()
                .extracting(RunRecord::executionId).isEqualTo(failed.getId());
    }

    @Test
    void showGivesExitCodeStepCountsLedgerStatusesAndRejectedRowsAsJson() throws Exception {
        RunDetails details = audit.show(execution.getId()).orElseThrow();
        AuditRenderer renderer = new AuditRenderer(objectMapper);

        JsonNode json = objectMapper.readTree(renderer.json(details));
        assertThat(json.at("/run/exitCode").asString()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        assertThat(json.at("/run/status").asString()).isEqualTo("COMPLETED");
        assertThat(json.at("/run/startTime").isNull()).isFalse();
        assertThat(json.at("/run/endTime").isNull()).isFalse();
        JsonNode initialize = json.at("/steps/1");
        assertThat(initialize.get("stepName").asString()).isEqualTo("initializeTransfersStep");
        assertThat(initialize.get("readCount").asLong()).isEqualTo(2);
        assertThat(initialize.get("writeCount").asLong()).isEqualTo(2);
        assertThat(initialize.get("skipCount").asLong()).isZero();
        assertThat(initialize.get("filterCount").asLong()).isZero();
        assertThat(initialize.get("commitCount").asLong()).isPositive();
        assertThat(initialize.has("rollbackCount")).isTrue();
        assertThat(json.at("/ledgerStatuses/INITIALIZED").asLong()).isEqualTo(1);
        assertThat(json.at("/ledgerStatuses/REJECTED").asLong()).isEqualTo(1);
        assertThat(json.at("/rejected/0/sourceLine").asLong()).isEqualTo(3);
        assertThat(json.at("/rejected/0/columnName").asString()).isEqualTo("to");
        assertThat(json.at("/rejected/0/reason").asString()).isEqualTo("'b@' is not an e-mail address");
        assertThat(json.at("/parameters/runDate").asString()).isEqualTo("2026-03-01");

        String text = renderer.details(details);
        assertThat(text).contains("exit code COMPLETED_WITH_PROBLEMS", "SKIPPED", "FILTERED", "ROLLBACKS",
                "Ledger rows last touched by this run:", "line 3, column 'to': 'b@' is not an e-mail address");
        assertThat(text).containsPattern("(?m)^  INITIALIZED +1$").containsPattern("(?m)^  REJECTED +1$");
        assertThat(text).containsPattern("(?m)^  initializeTransfersStep +COMPLETED +2 +2 +0 +0 +\\d+ +\\d+$");
    }

    @Test
    void aParameterNamedLikeASecretIsNeverShown() {
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, "
                + "PARAMETER_VALUE, IDENTIFYING) VALUES (?, 'apiKey', 'java.lang.String', 'k-123-secret', 'N')",
                execution.getId());

        RunDetails details = audit.show(execution.getId()).orElseThrow();

        assertThat(details.parameters()).containsEntry("apiKey", "(hidden)");
        assertThat(new AuditRenderer(objectMapper).json(details)).doesNotContain("k-123-secret");
    }

    private List<Long> ids(HistoryFilter filter) {
        return audit.history(filter).stream().map(RunRecord::executionId).toList();
    }

    @Test
    void showAndHistoryTellWhichWorkerRanWhichPartitionWithItsBytesAndDuration() throws Exception {
        OffsetDateTime claimed = OffsetDateTime.of(2026, 11, 30, 22, 0, 0, 0, ZoneOffset.UTC);
        UploadPartitionRows.ended(jdbc, execution.getId(), 0, "4242@host-a", 3, 3_000_000_000L, 2, claimed, 90_250,
                "COMPLETED");
        UploadPartitionRows.running(jdbc, execution.getId(), 1, "worker-b", 2, 1_234,
                OffsetDateTime.now().minusMinutes(5));
        AuditRenderer renderer = new AuditRenderer(objectMapper);

        RunDetails details = audit.show(execution.getId()).orElseThrow();

        String run = "run" + execution.getId();
        assertThat(renderer.details(details)).contains("Workers (upload partitions):")
                .containsPattern("(?m)^  PARTITION +WORKER +STATE +OUTCOME +TRANSFERS +BYTES +DURATION +ATTEMPTS$")
                .containsPattern("(?m)^  " + run + "-p0 +4242@host-a +ENDED +COMPLETED +3 +3,000,000,000 +1m30s +2$")
                .containsPattern("(?m)^  " + run + "-p1 +worker-b +RUNNING +- +2 +1,234 +5m0\\ds +1$");
        JsonNode shown = objectMapper.readTree(renderer.json(details)).at("/run/partitions");
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).get("partition").asString()).isEqualTo(run + "-p0");
        assertThat(shown.get(0).get("worker").asString()).isEqualTo("4242@host-a");
        assertThat(shown.get(0).get("state").asString()).isEqualTo("ENDED");
        assertThat(shown.get(0).get("outcome").asString()).isEqualTo("COMPLETED");
        assertThat(shown.get(0).get("transfers").asInt()).isEqualTo(3);
        assertThat(shown.get(0).get("bytesSent").asLong()).isEqualTo(3_000_000_000L);
        assertThat(shown.get(0).get("attempts").asInt()).isEqualTo(2);
        assertThat(shown.get(0).get("durationMs").asLong()).isEqualTo(90_250);
        assertThat(OffsetDateTime.parse(shown.get(0).get("startTime").asString()).toInstant())
                .isEqualTo(claimed.toInstant());
        assertThat(OffsetDateTime.parse(shown.get(0).get("endTime").asString()).toInstant())
                .isEqualTo(claimed.plusNanos(90_250_000_000L).toInstant());
        assertThat(shown.get(1).get("outcome").isNull()).isTrue();
        assertThat(shown.get(1).get("endTime").isNull()).isTrue();
        assertThat(shown.get(1).get("durationMs").asLong()).as("running: until the database's now")
                .isBetween(299_000L, 360_000L);

        JsonNode history = objectMapper.readTree(renderer.json(audit.history(50)));
        for (JsonNode listed : history) {
            if (listed.get("executionId").asLong() == execution.getId()) {
                assertThat(listed.at("/partitions/0/worker").asString()).isEqualTo("4242@host-a");
                assertThat(listed.at("/partitions/1/worker").asString()).isEqualTo("worker-b");
            }
        }
        assertThat(history.findValues("executionId")).extracting(JsonNode::asLong).contains(execution.getId());
    }

    @Test
    void aRunWithoutWorkersShowsNoPartitions() throws Exception {
        RunDetails details = audit.show(execution.getId()).orElseThrow();
        AuditRenderer renderer = new AuditRenderer(objectMapper);

        assertThat(details.run().partitions()).isEmpty();
        assertThat(renderer.details(details)).doesNotContain("Workers", "PARTITION");
        assertThat(objectMapper.readTree(renderer.json(details)).at("/run").has("partitions")).isFalse();
        // Other tests of this context may leave runs with partitions: this run's entry has none.
        JsonNode history = objectMapper.readTree(renderer.json(audit.history(50)));
        assertThat(history.findValues("executionId")).extracting(JsonNode::asLong).contains(execution.getId());
        for (JsonNode listed : history) {
            if (listed.get("executionId").asLong() == execution.getId()) {
                assertThat(listed.has("partitions")).isFalse();
            }
        }
    }

    @Test
    void anUnknownExecutionIsEmpty() {
        assertThat(audit.show(987654321L)).isEmpty();
    }
}
