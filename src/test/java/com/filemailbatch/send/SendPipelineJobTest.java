package com.filemailbatch.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The initialize step keeps calls in flight across chunk boundaries (small chunks here, so a run has many): every
 * row is still journaled once, in input order, the journal agrees with the ledger, and what the last calls come to
 * still decides how the step ends, also when the rows fill their chunks exactly.
 */
@FilemailBatchTest
@TestPropertySource(properties = {"filemail.chunk-size=8", "filemail.concurrency=4"})
class SendPipelineJobTest {

    @Autowired
    JobRuns jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    @TempDir
    Path dir;

    /** Each run of a test is a new instance: the next day of the month. */
    private final JobRuns.Days days = JobRuns.Days.of(2026, 6);

    @BeforeEach
    void cleanSlate() {
        TestData.reset(jdbc, sandbox);
        sandbox.setLatency(Duration.ofMillis(5));
    }

    @AfterEach
    void noLatency() {
        sandbox.setLatency(Duration.ZERO);
    }

    @Test
    void everyRowIsJournaledOnceInInputOrderAcrossManyChunks() throws Exception {
        List<String> lines = new ArrayList<>(List.of("reference,subject,to"));
        for (int i = 1; i <= 100; i++) {
            // Every seventh row breaks an input rule: settled rows sit between sent ones in every chunk.
            lines.add("P-" + i + ",Pipeline " + i + "," + (i % 7 == 0 ? "not-an-address" : "r" + i + "@example.com"));
        }
        Path input = TestData.csv(dir, "pipeline.csv", lines.toArray(String[]::new));

        JobExecution execution = jobs.send(input, days.next());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sandbox.transfers()).hasSize(86);
        List<Map<String, Object>> journal = jdbc.queryForList("SELECT source_line, reference, outcome FROM run_journal "
                + "WHERE job_execution_id = ? AND step_name = 'initializeTransfersStep' ORDER BY id", execution.getId());
        // Line 1 is the header: row i is on line i + 1.
        assertThat(journal).extracting(row -> ((Number) row.get("SOURCE_LINE")).intValue())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(2, 101).boxed().toList());
        assertThat(journal).filteredOn(row -> "REJECTED".equals(row.get("OUTCOME"))).hasSize(14);
        assertThat(journal).filteredOn(row -> "INITIALIZED".equals(row.get("OUTCOME"))).hasSize(86);
        assertJournalAgreesWithLedger(execution);
        assertThat(sandbox.transfers().stream().map(SandboxTransfer::subject).distinct()).hasSize(86);
    }

    @Test
    void aFatalAnswerWhileEarlierChunksAreInFlightStopsTheRunWithEveryCallRecorded() throws Exception {
        Path input = TestData.rows(dir, "fatal-mid.csv", 200);
        // The 41st call: rows of several chunks are claimed and in flight around it.
        sandbox.respondAfter(40, "POST", "/transfer/initialize", 401, "InvalidApikey", "key revoked");

        JobExecution failed = jobs.send(input, days.next());

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions()).anySatisfy(failure -> assertThat(causes(failure))
                .anySatisfy(cause -> assertThat(cause.getMessage()).contains("InvalidApikey")));
        assertThat(TestData.ledgerStatuses(jdbc).values()).doesNotContain("PENDING");
        assertThat(TestData.ledgerStatuses(jdbc).values().stream().filter("INITIALIZED"::equals).count())
                .isEqualTo(sandbox.transfers().size()).isLessThan(200);
        assertJournalAgreesWithLedger(failed);

        JobExecution resumed = jobs.send(input, days.next());

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        TestData.assertExactlyOneLiveTransferPerRow(sandbox, jdbc, 200);
    }

    @Test
    void aFatalAnswerToTheLastCallFailsTheRunWhenTheRowsFillTheirChunksExactly() throws Exception {
        // 32 rows, 4 chunks of 8: no chunk follows the last one, its calls end after its write returned.
        Path input = TestData.rows(dir, "fatal-last.csv", 32);
        sandbox.respondAfter(31, "POST", "/transfer/initialize", 401, "InvalidApikey", "key revoked");

        JobExecution failed = jobs.send(input, days.next());

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(sandbox.requests().stream().filter(r -> r.path().equals("/transfer/initialize")).count())
                .isEqualTo(32);
        assertThat(sandbox.transfers()).hasSize(31);
        assertThat(TestData.ledgerStatuses(jdbc).values()).doesNotContain("PENDING");
        assertJournalAgreesWithLedger(failed);
    }

    /** Each row the ledger holds as initialized by this execution has exactly one INITIALIZED entry, and no other. */
    private void assertJournalAgreesWithLedger(JobExecution execution) {
        List<String> initializedInLedger = jdbc.queryForList("SELECT reference FROM transfer_ledger "
                + "WHERE status = 'INITIALIZED' AND job_execution_id = ? ORDER BY reference", String.class,
                execution.getId());
        List<String> initializedInJournal = jdbc.queryForList("SELECT reference FROM run_journal "
                + "WHERE outcome = 'INITIALIZED' AND job_execution_id = ? ORDER BY reference", String.class,
                execution.getId());
        assertThat(initializedInJournal).isEqualTo(initializedInLedger);
        Map<String, Long> entriesPerRow = jdbc.queryForList("SELECT reference FROM run_journal "
                + "WHERE job_execution_id = ? AND step_name = 'initializeTransfersStep'", String.class,
                execution.getId()).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(entriesPerRow.values()).containsOnly(1L);
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }
}
