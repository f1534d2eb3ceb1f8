package com.filemailbatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.send.SendJobParameters;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.ObjectMapper;

@FilemailBatchTest
class AuditQueriesTest {

    @Autowired
    AuditQueries audit;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier("sendTransfersJob")
    Job sendTransfersJob;

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
        execution = jobOperator.start(sendTransfersJob, SendJobParameters.of(input, LocalDate.of(2026, 3, 1),
                Duration.ofDays(1), false));
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
    void anUnknownExecutionIsEmpty() {
        assertThat(audit.show(987654321L)).isEmpty();
    }
}
