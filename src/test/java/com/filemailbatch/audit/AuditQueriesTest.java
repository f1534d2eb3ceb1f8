package com.filemailbatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.ledger.TransferRecord;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
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
    void anUnknownExecutionIsEmpty() {
        assertThat(audit.show(987654321L)).isEmpty();
    }
}
