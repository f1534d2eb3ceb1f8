package com.filemailbatch.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.filemail.FilemailProperties;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.RecordedRequest;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.SandboxHttp;
import com.filemailbatch.support.TestData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@FilemailBatchTest
class CleanupStaleTransfersJobTest {

    @Autowired
    JobRuns jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    FilemailProperties properties;

    @TempDir
    Path dir;

    @BeforeEach
    void fourInitializedTransfersThreeOfThemTwoDaysOld() throws Exception {
        TestData.reset(jdbc, sandbox);
        Path input = TestData.csv(dir, "stale.csv", "reference,subject", "LIVE,Live one", "DONE,Completed elsewhere",
                "GONE,Expired at Filemail", "FRESH,Initialized an hour ago");
        jobs.send(input, LocalDate.of(2026, 1, 1));
        jdbc.update("UPDATE transfer_ledger SET initialized_at = ? WHERE reference IN ('LIVE', 'DONE', 'GONE')",
                java.time.OffsetDateTime.now().minusDays(2));
        jdbc.update("UPDATE transfer_ledger SET initialized_at = ? WHERE reference = 'FRESH'",
                java.time.OffsetDateTime.now().minusHours(1));
        SandboxTransfer done = transfer("Completed elsewhere");
        assertThat(SandboxHttp.complete(sandbox, done.id(), done.key())).isEqualTo(200);
        sandbox.expire(transfer("Expired at Filemail").id());
        sandbox.clearRequests();
    }

    @Test
    void cancelsOnlyStaleIncompleteTransfersAndRecordsWhatFilemailSaidOfTheOthers() throws Exception {
        JobExecution execution = jobs.cleanup(false);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(TestData.ledgerStatuses(jdbc)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "LIVE", "CANCELLED", "DONE", "COMPLETED", "GONE", "EXPIRED", "FRESH", "INITIALIZED"));
        assertThat(transfer("Live one").status()).isEqualTo(SandboxTransfer.Status.CANCELLED);
        assertThat(transfer("Initialized an hour ago").status()).isEqualTo(SandboxTransfer.Status.INITIALIZED);
        List<RecordedRequest> cancels = sandbox.requests().stream()
                .filter(r -> r.path().equals("/transfer/cancel")).toList();
        assertThat(cancels).hasSize(3);
        assertThat(cancels).extracting(RecordedRequest::body)
                .noneMatch(body -> body.contains(transfer("Initialized an hour ago").id()));
        assertThat(jdbc.queryForList("SELECT reference || ' ' || outcome FROM run_journal WHERE job_execution_id = ?",
                String.class, execution.getId()))
                .containsExactlyInAnyOrder("LIVE CANCELLED", "DONE FOUND_COMPLETED", "GONE FOUND_EXPIRED");
    }

    @Test
    void aCancelThatFailsLeavesTheTransferForTheNextCleanup() throws Exception {
        // Every attempt of the first cancel fails: its retries are used up.
        for (int attempt = 0; attempt < properties.retry().maxAttempts(); attempt++) {
            sandbox.respondNext("PUT", "/transfer/cancel", 500, "UnknownError", "try later");
        }

        JobExecution execution = jobs.cleanup(false);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM transfer_ledger WHERE status = 'INITIALIZED' "
                + "AND last_error_status = 'UnknownError'", Integer.class)).isEqualTo(1);

        JobExecution next = jobs.cleanup(false);
        assertThat(next.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(TestData.ledgerStatuses(jdbc)).containsEntry("FRESH", "INITIALIZED")
                .doesNotContainValue("FAILED");
        assertThat(TestData.ledgerStatuses(jdbc).values()).containsOnlyOnce("INITIALIZED");
    }

    @Test
    void aDryRunCancelsNothing() throws Exception {
        JobExecution execution = jobs.cleanup(true);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sandbox.requests()).isEmpty();
        assertThat(TestData.ledgerStatuses(jdbc).values()).containsOnly("INITIALIZED");
        assertThat(jdbc.queryForList("SELECT outcome FROM run_journal WHERE job_execution_id = ?", String.class,
                execution.getId())).containsExactly("WOULD_CANCEL", "WOULD_CANCEL", "WOULD_CANCEL");
    }

    private SandboxTransfer transfer(String subject) {
        return TestData.transfer(sandbox, subject);
    }
}
