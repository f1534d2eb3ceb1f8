package com.filemailbatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.filemailbatch.filemail.TransferInitializeResult;
import com.filemailbatch.ledger.ClaimResult.Kind;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.TestData;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@FilemailBatchTest
class LedgerRepositoryTest {

    private static final String PLAIN_KEY = "tk-plain-5ecret-0001";

    @Autowired
    LedgerRepository ledger;

    @Autowired
    UploadLedger uploads;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    private long execution;

    @BeforeEach
    void cleanSlate() {
        TestData.reset(jdbc, sandbox);
        execution = newJobExecution();
    }

    @Test
    void aNewReferenceIsClaimedAsPendingFirstAttempt() {
        ClaimResult result = ledger.claim(claim("N-1", execution));

        assertThat(result).isEqualTo(new ClaimResult(Kind.CLAIMED, null, null));
        Map<String, Object> row = row("N-1");
        assertThat(row).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPT", 1)
                .containsEntry("SUBJECT", "Subject of N-1").containsEntry("RECIPIENTS", "a@example.com;b@example.com")
                .containsEntry("FILES", "invoices/N-1.pdf").containsEntry("SOURCE_FILE", "input.csv")
                .containsEntry("SOURCE_LINE", 7L).containsEntry("JOB_EXECUTION_ID", execution);
        assertThat(row.get("TRANSFER_ID")).isNull();
    }

    @Test
    void anInitializedReferenceIsAlreadySentWithItsTransferId() {
        ledger.claim(claim("S-1", execution));
        ledger.markInitialized("S-1", result("T-100"), null);

        ClaimResult again = ledger.claim(claim("S-1", newJobExecution()));

        assertThat(again).isEqualTo(new ClaimResult(Kind.ALREADY_SENT, "T-100", null));
        assertThat(row("S-1")).containsEntry("STATUS", "INITIALIZED").containsEntry("ATTEMPT", 1)
                .containsEntry("JOB_EXECUTION_ID", execution);
    }

    @Test
    void aFinalReferenceIsAlreadySentToo() {
        ledger.claim(claim("F-1", execution));
        ledger.markInitialized("F-1", result("T-101"), null);
        ledger.markFinal(ledger.find("F-1").orElseThrow().id(), TransferStatus.CANCELLED, "stale");

        assertThat(ledger.claim(claim("F-1", newJobExecution())))
                .isEqualTo(new ClaimResult(Kind.ALREADY_SENT, "T-101", null));
    }

    @Test
    void aSecondClaimInTheSameRunIsADuplicate() {
        ledger.claim(claim("D-1", execution));

        ClaimResult second = ledger.claim(claim("D-1", execution));

        assertThat(second).isEqualTo(new ClaimResult(Kind.DUPLICATE_IN_RUN, null, null));
        assertThat(row("D-1")).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPT", 1);
    }

    @Test
    void aFailedReferenceIsClaimedAgainWithTheNextAttempt() {
        ledger.claim(claim("R-1", execution));
        ledger.markUnsent("R-1", TransferStatus.FAILED, "503", "Service Unavailable");
        assertThat(row("R-1")).containsEntry("STATUS", "FAILED").containsEntry("LAST_ERROR_STATUS", "503");
        long next = newJobExecution();

        ClaimResult result = ledger.claim(claim("R-1", next));

        assertThat(result.kind()).isEqualTo(Kind.CLAIMED);
        assertThat(row("R-1")).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPT", 2)
                .containsEntry("JOB_EXECUTION_ID", next).containsEntry("LAST_ERROR_STATUS", null)
                .containsEntry("LAST_ERROR_MESSAGE", null);
    }

    @Test
    void aReferenceRejectedByFilemailIsClaimedAgainWithTheNextAttempt() {
        ledger.claim(claim("R-2", execution));
        ledger.markUnsent("R-2", TransferStatus.REJECTED, "400", "bad recipient");

        ClaimResult result = ledger.claim(claim("R-2", newJobExecution()));

        assertThat(result.kind()).isEqualTo(Kind.CLAIMED);
        assertThat(row("R-2")).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPT", 2);
    }

    @Test
    void aReferenceRejectedByAnInputRuleIsClaimedOnceTheRowIsFixed() {
        assertThat(ledger.recordRejected(claim("R-3", execution), "to", "'x@' is not an e-mail address")).isTrue();
        assertThat(row("R-3")).containsEntry("STATUS", "REJECTED").containsEntry("ATTEMPT", 0)
                .containsEntry("LAST_ERROR_STATUS", "InputRule:to")
                .containsEntry("LAST_ERROR_MESSAGE", "'x@' is not an e-mail address");

        ClaimResult result = ledger.claim(claim("R-3", newJobExecution()));

        assertThat(result.kind()).isEqualTo(Kind.CLAIMED);
        assertThat(row("R-3")).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPT", 1);
    }

    @Test
    void aPendingReferenceLeftByAnEarlierExecutionIsTakenOver() {
        ledger.claim(claim("P-1", execution));
        long next = newJobExecution();

        ClaimResult result = ledger.claim(claim("P-1", next));

        assertThat(result.kind()).isEqualTo(Kind.CLAIMED);
        assertThat(row("P-1")).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPT", 2)
                .containsEntry("JOB_EXECUTION_ID", next);
    }

    @Test
    void sixteenThreadsClaimingOneNewReferenceGetExactlyOneClaim() throws Exception {
        List<ClaimResult> results = race(16, () -> ledger.claim(claim("C-1", execution)));

        assertThat(results).filteredOn(r -> r.kind() == Kind.CLAIMED).hasSize(1);
        assertThat(results).filteredOn(r -> r.kind() == Kind.DUPLICATE_IN_RUN).hasSize(15);
        assertThat(row("C-1")).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPT", 1);
    }

    @Test
    void sixteenThreadsRetryingOneFailedReferenceGetExactlyOneClaim() throws Exception {
        ledger.claim(claim("C-2", execution));
        ledger.markUnsent("C-2", TransferStatus.FAILED, "503", "down");
        long next = newJobExecution();

        List<ClaimResult> results = race(16, () -> ledger.claim(claim("C-2", next)));

        assertThat(results).filteredOn(r -> r.kind() == Kind.CLAIMED).hasSize(1);
        assertThat(results).filteredOn(r -> r.kind() == Kind.DUPLICATE_IN_RUN).hasSize(15);
        assertThat(row("C-2")).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPT", 2)
                .containsEntry("JOB_EXECUTION_ID", next);
    }

    @Test
    void anInputRuleRejectionNeverOverwritesAnInitializedTransfer() {
        ledger.claim(claim("I-1", execution));
        ledger.markInitialized("I-1", result("T-200"), null);

        boolean recorded = ledger.recordRejected(claim("I-1", newJobExecution()), "subject", "subject is empty");

        assertThat(recorded).isFalse();
        assertThat(row("I-1")).containsEntry("STATUS", "INITIALIZED").containsEntry("TRANSFER_ID", "T-200")
                .containsEntry("JOB_EXECUTION_ID", execution).containsEntry("LAST_ERROR_MESSAGE", null);
    }

    @Test
    void anInputRuleRejectionNeverOverwritesARowThisRunIsSending() {
        ledger.claim(claim("I-2", execution));

        assertThat(ledger.recordRejected(claim("I-2", execution), null, "duplicate")).isFalse();
        assertThat(row("I-2")).containsEntry("STATUS", "PENDING");
    }

    @Test
    void anInputRuleRejectionReplacesADeferredRowAndDropsItsStoredRequest() {
        ledger.claim(claim("I-3", execution));
        ledger.markUnsent("I-3", TransferStatus.DEFERRED, "ApiKeyQuotaExceeded", "quota");
        assertThat(ledger.storedRequest("I-3")).isEqualTo("{\"subject\":\"Subject of I-3\"}");
        long next = newJobExecution();

        assertThat(ledger.recordRejected(claim("I-3", next), null, "no recipients")).isTrue();
        assertThat(row("I-3")).containsEntry("STATUS", "REJECTED").containsEntry("JOB_EXECUTION_ID", next)
                .containsEntry("LAST_ERROR_STATUS", "InputRule").containsEntry("LAST_ERROR_MESSAGE", "no recipients");
        assertThat(ledger.storedRequest("I-3")).isNull();
    }

    @Test
    void anInputRuleRejectionLeavesAFailedRowInDoubt() {
        ledger.claim(claim("I-4", execution));
        ledger.markUnsent("I-4", TransferStatus.FAILED, "NoAnswer", "connection reset");

        // The failed attempt may have created a transfer: only a new claim, which looks for it first, may move on.
        assertThat(ledger.recordRejected(claim("I-4", newJobExecution()), null, "no recipients")).isFalse();
        assertThat(row("I-4")).containsEntry("STATUS", "FAILED");
    }

    @Test
    void aClaimAfterAFailureIsInDoubtSinceTheFirstAttempt() {
        ledger.claim(claim("I-5", execution));
        Object firstClaim = row("I-5").get("CLAIMED_AT");
        ledger.markUnsent("I-5", TransferStatus.FAILED, "NoAnswer", "connection reset");

        ClaimResult again = ledger.claim(claim("I-5", newJobExecution()));

        assertThat(again.kind()).isEqualTo(Kind.CLAIMED);
        assertThat(again.inDoubtSince()).isNotNull();
        assertThat(row("I-5").get("CLAIMED_AT")).isEqualTo(firstClaim);
    }

    @Test
    void theRequestIsStoredEncryptedUntilTheRowIsSent() {
        ledger.claim(claim("I-6", execution));

        assertThat(row("I-6").get("REQUEST_ENC").toString()).startsWith("v1.").doesNotContain("Subject of");
        assertThat(ledger.storedRequest("I-6")).isEqualTo("{\"subject\":\"Subject of I-6\"}");

        ledger.markInitialized("I-6", result("T-600"), null);
        assertThat(row("I-6").get("REQUEST_ENC")).isNull();
        assertThat(ledger.isRecordedTransfer("T-600")).isTrue();
        assertThat(ledger.isRecordedTransfer("T-601")).isFalse();
    }

    @Test
    void claimAllAnswersEachRowAsClaimWouldAndCommitsTheNewOnesTogether() {
        ledger.claim(claim("A-SENT", execution));
        ledger.markInitialized("A-SENT", result("T-800"), null);
        ledger.claim(claim("A-FAILED", execution));
        ledger.markUnsent("A-FAILED", TransferStatus.FAILED, "HTTP 503", "down");
        long run = newJobExecution();

        List<ClaimResult> results = ledger.claimAll(List.of(claim("A-NEW-1", run), claim("A-SENT", run),
                claim("A-NEW-2", run), claim("A-NEW-1", run), claim("A-FAILED", run)));

        assertThat(results).hasSize(5);
        assertThat(results.get(0)).isEqualTo(new ClaimResult(Kind.CLAIMED, null, null));
        assertThat(results.get(1)).isEqualTo(new ClaimResult(Kind.ALREADY_SENT, "T-800", null));
        assertThat(results.get(2)).isEqualTo(new ClaimResult(Kind.CLAIMED, null, null));
        // The same reference again in the same chunk: the earlier row holds it.
        assertThat(results.get(3)).isEqualTo(new ClaimResult(Kind.DUPLICATE_IN_RUN, null, null));
        assertThat(results.get(4).kind()).isEqualTo(Kind.CLAIMED);
        assertThat(results.get(4).inDoubtSince()).isNotNull();
        assertThat(row("A-NEW-1")).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPT", 1)
                .containsEntry("JOB_EXECUTION_ID", run).containsEntry("SOURCE_LINE", 7L);
        assertThat(row("A-NEW-2")).containsEntry("STATUS", "PENDING");
        assertThat(row("A-FAILED")).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPT", 2);
        assertThat(ledger.storedRequest("A-NEW-2")).isEqualTo("{\"subject\":\"Subject of A-NEW-2\"}");
    }

    @Test
    void claimAllTakesOverAReferenceAnEarlierExecutionLeftPendingAsClaimWould() {
        long other = newJobExecution();
        // Left PENDING by another execution (a crash, say): in doubt, taken over with the next attempt.
        ledger.claim(claim("B-TAKEN", other));

        List<ClaimResult> results = ledger.claimAll(List.of(claim("B-1", execution), claim("B-TAKEN", execution)));

        assertThat(results.get(0)).isEqualTo(new ClaimResult(Kind.CLAIMED, null, null));
        assertThat(results.get(1).kind()).isEqualTo(Kind.CLAIMED);
        assertThat(row("B-TAKEN")).containsEntry("JOB_EXECUTION_ID", execution).containsEntry("ATTEMPT", 2);
    }

    @Test
    void markAllInitializedRecordsEveryRowAndReportsTheOneWhoseTransferAnotherRowHolds() {
        ledger.claim(claim("M-HELD", execution));
        ledger.markInitialized("M-HELD", result("T-900"), null);
        ledger.claim(claim("M-1", execution));
        ledger.claim(claim("M-2", execution));
        ledger.claim(claim("M-3", execution));

        Map<String, RuntimeException> failed = ledger.markAllInitialized(List.of(
                new LedgerRepository.Initialization("M-1", result("T-901"), null),
                new LedgerRepository.Initialization("M-2", result("T-900"), "ADOPTED"),
                new LedgerRepository.Initialization("M-3", result("T-903"), "ADOPTED")));

        assertThat(failed).containsOnlyKeys("M-2");
        assertThat(failed.get("M-2")).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(row("M-1")).containsEntry("STATUS", "INITIALIZED").containsEntry("TRANSFER_ID", "T-901");
        assertThat(row("M-1").get("REQUEST_ENC")).isNull();
        assertThat(row("M-2")).containsEntry("STATUS", "PENDING");
        assertThat(row("M-3")).containsEntry("STATUS", "INITIALIZED").containsEntry("TRANSFER_ID", "T-903")
                .containsEntry("LAST_ERROR_STATUS", "ADOPTED");
        assertThat(ledger.transferKey(ledger.find("M-3").orElseThrow())).isEqualTo(PLAIN_KEY);
    }

    @Test
    void twoRowsCannotHoldTheSameTransfer() {
        ledger.claim(claim("I-7", execution));
        ledger.claim(claim("I-8", execution));
        ledger.markInitialized("I-7", result("T-700"), null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.markInitialized("I-8", result("T-700"),
                "ADOPTED")).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(row("I-8")).containsEntry("STATUS", "PENDING");
    }

    @Test
    void markInitializedStoresTheTransferKeyEncrypted() {
        ledger.claim(claim("K-1", execution));

        ledger.markInitialized("K-1", result("T-300"), null);

        Map<String, Object> row = row("K-1");
        assertThat(row).containsEntry("STATUS", "INITIALIZED").containsEntry("TRANSFER_ID", "T-300")
                .containsEntry("TRANSFER_URL", "https://sandbox.example/savefile.ashx")
                .containsEntry("REGION", "eu").containsEntry("ALTERNATE_URLS", "https://a.example;https://b.example")
                .containsEntry("UDP_PORT", 8080);
        assertThat(row.get("INITIALIZED_AT")).isNotNull();
        assertThat(row.get("TRANSFER_KEY_ENC").toString()).startsWith("v1.").doesNotContain(PLAIN_KEY);
        LedgerEntry entry = ledger.find("K-1").orElseThrow();
        assertThat(entry.toString()).doesNotContain(entry.transferKeyEnc()).doesNotContain(PLAIN_KEY);
        assertThat(ledger.transferKey(entry)).isEqualTo(PLAIN_KEY);
    }

    @Test
    void markUnsentOnlyMovesPendingRows() {
        ledger.claim(claim("U-1", execution));
        ledger.markInitialized("U-1", result("T-400"), null);

        ledger.markUnsent("U-1", TransferStatus.FAILED, "500", "late failure");

        assertThat(row("U-1")).containsEntry("STATUS", "INITIALIZED").containsEntry("LAST_ERROR_STATUS", null);
        assertThatThrownBy(() -> ledger.markUnsent("U-1", TransferStatus.INITIALIZED, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void markFinalOnlyMovesInitializedRows() {
        ledger.claim(claim("M-1", execution));
        long id = ledger.find("M-1").orElseThrow().id();

        assertThat(ledger.markFinal(id, TransferStatus.CANCELLED, "stale")).isFalse();
        assertThat(row("M-1")).containsEntry("STATUS", "PENDING").containsEntry("CANCELLED_AT", null);

        ledger.markInitialized("M-1", result("T-500"), null);
        assertThat(ledger.markFinal(id, TransferStatus.CANCELLED, "stale")).isTrue();
        Map<String, Object> cancelled = row("M-1");
        assertThat(cancelled).containsEntry("STATUS", "CANCELLED").containsEntry("LAST_ERROR_STATUS", "stale");
        assertThat(cancelled.get("CANCELLED_AT")).isNotNull();

        assertThat(ledger.markFinal(id, TransferStatus.COMPLETED, "late")).isFalse();
        assertThat(row("M-1")).containsEntry("STATUS", "CANCELLED").containsEntry("COMPLETED_AT", null);
        assertThatThrownBy(() -> ledger.markFinal(id, TransferStatus.FAILED, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a final status: FAILED");
    }

    @Test
    void aTransferMadeFinalByCleanupKeepsNoKey() {
        int n = 0;
        for (TransferStatus status : List.of(TransferStatus.CANCELLED, TransferStatus.EXPIRED,
                TransferStatus.COMPLETED)) {
            String reference = "S-" + status;
            ledger.claim(claim(reference, execution));
            ledger.markInitialized(reference, result("T-80" + n++), null);
            assertThat(row(reference).get("TRANSFER_KEY_ENC")).isNotNull();

            assertThat(ledger.markFinal(ledger.find(reference).orElseThrow().id(), status, "note")).isTrue();

            assertThat(row(reference)).as(reference).containsEntry("STATUS", status.name())
                    .containsEntry("TRANSFER_KEY_ENC", null).containsEntry("REQUEST_ENC", null);
        }
    }

    @Test
    void aTransferCompletedAfterItsUploadKeepsNoKey() {
        ledger.claim(claim("S-UP", execution));
        ledger.markInitialized("S-UP", result("T-810"), null);
        long id = ledger.find("S-UP").orElseThrow().id();

        assertThat(uploads.markCompleted(id, "https://sandbox.example/d/abc")).isTrue();

        assertThat(row("S-UP")).containsEntry("STATUS", "COMPLETED").containsEntry("TRANSFER_KEY_ENC", null)
                .containsEntry("REQUEST_ENC", null).containsEntry("DOWNLOAD_URL", "https://sandbox.example/d/abc");
    }

    @Test
    void aTransferStillLiveKeepsItsKey() {
        ledger.claim(claim("S-LIVE", execution));
        ledger.markInitialized("S-LIVE", result("T-820"), null);
        long id = ledger.find("S-LIVE").orElseThrow().id();
        uploads.begin(id, new ValidatedFiles(null, List.of()), 1024);

        assertThat(row("S-LIVE")).containsEntry("STATUS", "UPLOADING");
        assertThat(ledger.transferKey(ledger.find("S-LIVE").orElseThrow())).isEqualTo(PLAIN_KEY);
    }

    @Test
    void countsRowsByStatus() {
        ledger.claim(claim("Z-1", execution));
        ledger.claim(claim("Z-2", execution));
        ledger.markInitialized("Z-2", result("T-600"), null);
        ledger.recordRejected(claim("Z-3", execution), null, "bad");

        assertThat(ledger.countByStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(TransferStatus.PENDING, 1L,
                TransferStatus.INITIALIZED, 1L, TransferStatus.REJECTED, 1L));
        assertThat(ledger.findByExecution(execution)).extracting(LedgerEntry::reference)
                .containsExactlyInAnyOrder("Z-1", "Z-2", "Z-3");
    }

    private static Claim claim(String reference, long executionId) {
        return new Claim(reference, "Subject of " + reference, List.of("a@example.com", "b@example.com"),
                List.of("invoices/" + reference + ".pdf"), "input.csv", 7, executionId, "{\"subject\":\"Subject of "
                + reference + "\"}");
    }

    private static TransferInitializeResult result(String transferId) {
        return new TransferInitializeResult(transferId, PLAIN_KEY, "https://sandbox.example/savefile.ashx", "eu",
                List.of("https://a.example", "https://b.example"), "127.0.0.1", 8080, 1000, Map.of());
    }

    private Map<String, Object> row(String reference) {
        return jdbc.queryForMap("SELECT * FROM transfer_ledger WHERE reference = ?", reference);
    }

    /** A job execution row for the ledger's foreign key, with ids drawn from Batch's own sequences. */
    private long newJobExecution() {
        long instance = jdbc.queryForObject("SELECT NEXT VALUE FOR BATCH_JOB_INSTANCE_SEQ", Long.class);
        jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (?, 0, ?, ?)",
                instance, "ledgerRepositoryTest", UUID.randomUUID().toString().replace("-", ""));
        long id = jdbc.queryForObject("SELECT NEXT VALUE FOR BATCH_JOB_EXECUTION_SEQ", Long.class);
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, STATUS) "
                + "VALUES (?, 0, ?, ?, 'STARTED')", id, instance, LocalDateTime.now());
        return id;
    }

    private interface Attempt {
        ClaimResult claim();
    }

    /** Runs the same claim on {@code threads} threads released at once by a start gate. */
    private static List<ClaimResult> race(int threads, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ClaimResult>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return attempt.claim();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<ClaimResult> results = new ArrayList<>();
            for (Future<ClaimResult> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
