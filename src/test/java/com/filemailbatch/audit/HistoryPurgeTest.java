package com.filemailbatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.ledger.TransferStatus;
import com.filemailbatch.report.ReceiptVerifier;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.settings.BatchSettings;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention. Old runs are made by running the job and moving its history and ledger rows back to 2020; the cut-off
 * (2021) is far older than any other test's runs, which share this database.
 */
@FilemailBatchTest
class HistoryPurgeTest {

    private static final Instant CUTOFF = Instant.parse("2021-01-01T00:00:00Z");
    private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
    private static final OffsetDateTime OLD = OffsetDateTime.of(2020, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final List<String> BATCH_TABLES = List.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION",
            "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
            "BATCH_STEP_EXECUTION_CONTEXT", "run_journal", "run_owner", "transfer_ledger", "notification_outbox",
            "upload_partition");

    @Autowired
    HistoryPurge purge;

    @Autowired
    JobRuns jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    ReceiptVerifier receipts;

    @Autowired
    BatchSettings properties;

    @TempDir
    Path dir;

    private JobExecution finalOnly;
    private JobExecution unfinished;
    private JobExecution running;
    private JobExecution recent;

    @BeforeEach
    void oldAndRecentRuns() throws Exception {
        TestData.reset(jdbc, sandbox);
        // The old runs an earlier test of this class left behind go first, so that every test counts its own.
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'FAILED', END_TIME = CREATE_TIME WHERE STATUS = 'STARTED' "
                + "AND CREATE_TIME < ?", Timestamp.valueOf("2021-01-01 00:00:00"));
        purge.purge(CUTOFF, false);
        finalOnly = jobs.send(input("final-only.csv", "P-1"), MAY_1);
        unfinished = jobs.send(input("unfinished.csv", "P-2"), MAY_1);
        running = jobs.send(input("running.csv", "P-3"), MAY_1);
        recent = jobs.send(input("recent.csv", "P-4"), MAY_1);
        for (JobExecution old : List.of(finalOnly, unfinished, running)) {
            backdate(old);
        }
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL WHERE JOB_EXECUTION_ID = ?",
                running.getId());
        // Ledger rows of every status: the final ones point at the old run that is to go, the others at another.
        for (TransferStatus status : TransferStatus.values()) {
            boolean isFinal = HistoryPurge.FINAL.contains(status.name());
            ledgerRow("OLD-" + status, status, isFinal ? finalOnly : unfinished, OLD);
            ledgerRow("NEW-" + status, status, recent, OffsetDateTime.now(ZoneOffset.UTC));
        }
        jdbc.update("DELETE FROM transfer_ledger WHERE reference IN ('P-1', 'P-2', 'P-3', 'P-4')");
        // Notifications: old ones delivered and given up go; an old pending one and a recent delivered one stay.
        jdbc.update("DELETE FROM notification_outbox");
        notification("old-delivered", "DELIVERED", OLD);
        notification("old-given-up", "GIVEN_UP", OLD);
        notification("old-pending", "PENDING", OLD);
        notification("new-delivered", "DELIVERED", OffsetDateTime.now(ZoneOffset.UTC));
        // Partitions of uploads on workers go with their run's history.
        jdbc.update("DELETE FROM upload_partition");
        partition(9001, finalOnly);
        partition(9002, recent);
    }

    private void partition(long stepExecutionId, JobExecution run) {
        jdbc.update("INSERT INTO upload_partition (step_execution_id, job_execution_id, partition_name, transfers, "
                + "state, worker, attempts, sent_at, bytes_sent) VALUES (?, ?, 'p0', 1, 'ENDED', 'w1', 1, ?, 5)",
                stepExecutionId, run.getId(), OLD);
    }

    private void notification(String id, String status, OffsetDateTime raised) {
        jdbc.update("INSERT INTO notification_outbox (id, event_key, event, definition, channel, target, format, "
                + "notice, status, attempts, created_at, next_attempt_at) VALUES (?, ?, 'FAILURE', 'nightly', "
                + "'WEBHOOK', 'https://hooks.example.com/x', 'json', '{}', ?, 1, ?, ?)", id, id, status, raised,
                raised);
    }

    @Test
    void deletesOldFinalRowsAndTheHistoryOfRunsNoUnfinishedRowNeeds() {
        Map<String, Long> before = counts();

        PurgeResult result = purge.purge(CUTOFF, false);

        // Only final rows older than the cut-off went; every other status stays, old or not.
        assertThat(TestData.ledgerStatuses(jdbc).keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(TransferStatus.values()).flatMap(s -> HistoryPurge.FINAL.contains(s.name())
                        ? java.util.stream.Stream.of("NEW-" + s) : java.util.stream.Stream.of("NEW-" + s, "OLD-" + s))
                        .toList());
        assertThat(executionExists(finalOnly)).isFalse();
        assertThat(instanceExists(finalOnly)).isFalse();
        assertThat(executionExists(unfinished)).as("named by unfinished ledger rows").isTrue();
        assertThat(executionExists(running)).as("running").isTrue();
        assertThat(executionExists(recent)).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run_journal WHERE job_execution_id = ?", Long.class,
                finalOnly.getId())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                Long.class, finalOnly.getId())).isZero();

        Map<String, Long> after = counts();
        Map<String, Long> deleted = new LinkedHashMap<>();
        before.forEach((table, count) -> deleted.put(table, count - after.get(table)));
        assertThat(result.deleted()).containsExactlyInAnyOrderEntriesOf(deleted);
        assertThat(result.deleted()).containsEntry("transfer_ledger", (long) HistoryPurge.FINAL.size())
                .containsEntry("BATCH_JOB_EXECUTION", 1L).containsEntry("BATCH_JOB_INSTANCE", 1L)
                .containsEntry("BATCH_STEP_EXECUTION", 5L) // one per step of sendTransfersJob
                .containsEntry("BATCH_JOB_EXECUTION_CONTEXT", 1L);
        assertThat(result.deleted().get("BATCH_JOB_EXECUTION_PARAMS")).isPositive();
        assertThat(result.deleted().get("BATCH_STEP_EXECUTION_CONTEXT")).isPositive();
        assertThat(result.deleted().get("run_journal")).isEqualTo(1L);
        assertThat(result.deleted()).containsEntry("notification_outbox", 2L).containsEntry("upload_partition", 1L);
        assertThat(jdbc.queryForList("SELECT job_execution_id FROM upload_partition", Long.class))
                .containsExactly(recent.getId());
        assertThat(jdbc.queryForList("SELECT id FROM notification_outbox ORDER BY id", String.class))
                .containsExactly("new-delivered", "old-pending");
        assertThat(result.kept()).isEqualTo(2);

        // The receipts and their chain are kept: an auditor can still check every run, purged ones included.
        assertThat(receipts.verify(Path.of(properties.reportsDir())).intact()).isTrue();
        assertThat(Path.of(properties.reportsDir()).resolve("run-" + finalOnly.getId() + ".json")).isRegularFile();
    }

    @Test
    void aDryRunReportsTheSameCountsAndDeletesNothing() {
        Map<String, Long> before = counts();

        PurgeResult dry = purge.purge(CUTOFF, true);

        assertThat(counts()).isEqualTo(before);
        assertThat(dry.dryRun()).isTrue();
        PurgeResult real = purge.purge(CUTOFF, false);
        assertThat(dry.deleted()).isEqualTo(real.deleted());
        assertThat(real.total()).isPositive();
    }

    @Test
    void nothingIsOlderThanAnEarlierCutoff() {
        PurgeResult result = purge.purge(Instant.parse("2019-01-01T00:00:00Z"), false);

        assertThat(result.total()).isZero();
        assertThat(executionExists(finalOnly)).isTrue();
    }

    private Path input(String file, String reference) {
        return TestData.csv(dir, file, "reference,subject,to", reference + ",Purge me,billing@acme.example");
    }

    private void backdate(JobExecution execution) {
        Timestamp old = Timestamp.valueOf(OLD.toLocalDateTime());
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET CREATE_TIME = ?, START_TIME = ?, END_TIME = ?, LAST_UPDATED = ? "
                + "WHERE JOB_EXECUTION_ID = ?", old, old, old, old, execution.getId());
    }

    private void ledgerRow(String reference, TransferStatus status, JobExecution execution, OffsetDateTime at) {
        jdbc.update("INSERT INTO transfer_ledger (reference, status, attempt, subject, job_execution_id, created_at, "
                + "updated_at) VALUES (?, ?, 1, 'Seeded', ?, ?, ?)", reference, status.name(), execution.getId(), at,
                at);
    }

    private boolean executionExists(JobExecution execution) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", Long.class,
                execution.getId()) == 1;
    }

    private boolean instanceExists(JobExecution execution) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID = ?", Long.class,
                execution.getJobInstance().getInstanceId()) == 1;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : BATCH_TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }
}
