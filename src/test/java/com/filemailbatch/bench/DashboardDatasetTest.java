package com.filemailbatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.audit.AuditQueries;
import com.filemailbatch.audit.HistoryFilter;
import com.filemailbatch.audit.RunDetails;
import com.filemailbatch.audit.RunRecord;
import com.filemailbatch.ledger.TransferStatus;
import com.filemailbatch.support.SandboxContextInitializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The dashboard's dataset on a small scale, through the same code as the full one, in a database of its own made by
 * the application's migrations: the row counts, and the audit queries read it as they read real runs.
 */
@SpringBootTest(properties = "filemail.test.dataset=dashboard")
@ContextConfiguration(initializers = SandboxContextInitializer.class)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardDatasetTest {

    private static final DashboardDataset.Size SIZE = new DashboardDataset.Size(50, 5_000);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditQueries audit;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private DashboardDataset.Built built;

    @BeforeAll
    void fill() {
        built = new DashboardDataset(jdbc, new PrintStream(progress, true, StandardCharsets.UTF_8)).fill(SIZE);
    }

    @Test
    void writesTheRunsTheirParametersStepsAndJournal() {
        assertThat(built.firstExecutionId()).isEqualTo(1);
        assertThat(built.lastExecutionId()).isEqualTo(50);
        assertThat(count("BATCH_JOB_INSTANCE WHERE JOB_NAME = 'sendTransfersJob'")).isEqualTo(50);
        assertThat(count("BATCH_JOB_EXECUTION")).isEqualTo(50);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT JOB_KEY) FROM BATCH_JOB_INSTANCE", Long.class))
                .isEqualTo(50);
        assertThat(count("BATCH_JOB_EXECUTION_PARAMS")).isEqualTo(4 * 50);
        // Runs 20 and 40 failed in initializeTransfersStep: two steps each; the others have all five.
        assertThat(count("BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'")).isEqualTo(2);
        assertThat(count("BATCH_STEP_EXECUTION")).isEqualTo(48 * 5 + 2 * 2);
        assertThat(jdbc.queryForList("SELECT DISTINCT STEP_NAME FROM BATCH_STEP_EXECUTION", String.class))
                .containsExactlyInAnyOrder(DashboardDataset.STEPS);
        assertThat(count("run_journal")).isEqualTo(50 * DashboardDataset.JOURNAL_PER_RUN)
                .isEqualTo(built.journalRows());
        assertThat(count("run_journal WHERE outcome = 'REJECTED' AND reason IS NOT NULL AND column_name IS NOT NULL"))
                .isPositive();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("ledger rows 5,000 / 5,000", "built in");
    }

    @Test
    void writesTheLedgerSpreadOverTheRunsWithUniqueReferencesAndMixedStatuses() {
        assertThat(count("transfer_ledger")).isEqualTo(5_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT reference) FROM transfer_ledger", Long.class))
                .isEqualTo(5_000);
        List<Map<String, Object>> perRun = jdbc.queryForList("SELECT job_execution_id, COUNT(*) AS n "
                + "FROM transfer_ledger GROUP BY job_execution_id");
        assertThat(perRun).hasSize(50).allSatisfy(run -> assertThat(((Number) run.get("n")).longValue())
                .isEqualTo(100));
        List<String> statuses = jdbc.queryForList("SELECT DISTINCT status FROM transfer_ledger", String.class);
        assertThat(statuses.stream().map(TransferStatus::valueOf)).containsExactlyInAnyOrder(TransferStatus.values());
        assertThat(count("transfer_ledger WHERE transfer_key_enc IS NOT NULL OR request_enc IS NOT NULL")).isZero();
        // The reference the bench looks up belongs to the run it shows.
        assertThat(jdbc.queryForObject("SELECT job_execution_id FROM transfer_ledger WHERE reference = ?", Long.class,
                built.middleReference())).isEqualTo(built.middleExecutionId());
    }

    @Test
    void historyAndShowReadTheRuns() {
        List<RunRecord> runs = audit.history(100);
        assertThat(runs).hasSize(50);
        RunRecord newest = runs.get(0);
        assertThat(newest.executionId()).isEqualTo(50);
        assertThat(newest.jobName()).isEqualTo("sendTransfersJob");
        assertThat(newest.input()).startsWith("/srv/filemail-batch/inbox/nightly-").endsWith(".csv");
        assertThat(newest.runDate()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(newest.startTime()).isBefore(newest.endTime());
        assertThat(newest.outcomes()).containsKeys("INITIALIZED", "COMPLETED");
        assertThat(runs.get(1).startTime()).isBefore(newest.startTime());
        assertThat(audit.history(new HistoryFilter(100, "FAILED", null))).extracting(RunRecord::executionId)
                .containsExactly(40L, 20L);
        assertThat(audit.history(new HistoryFilter(100, "COMPLETED_WITH_PROBLEMS", null))).isNotEmpty();

        RunDetails middle = audit.show(built.middleExecutionId()).orElseThrow();
        assertThat(middle.steps()).hasSize(5);
        assertThat(middle.ledgerStatuses().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
    }

    @Test
    void aRunAfterTheDatasetGetsIdsOfItsOwn() {
        assertThat(jdbc.queryForObject("SELECT NEXT VALUE FOR BATCH_JOB_EXECUTION_SEQ", Long.class)).isGreaterThan(50);
        assertThat(jdbc.queryForObject("SELECT NEXT VALUE FOR BATCH_JOB_INSTANCE_SEQ", Long.class)).isGreaterThan(50);
        assertThat(jdbc.queryForObject("SELECT NEXT VALUE FOR BATCH_STEP_EXECUTION_SEQ", Long.class))
                .isGreaterThan(count("BATCH_STEP_EXECUTION"));
    }

    private long count(String from) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + from, Long.class);
    }
}
