package com.filemailbatch.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.filemail.FilemailApi;
import com.filemailbatch.filemail.InitializeTransferRequest;
import com.filemailbatch.filemail.TransferInitializeResult;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which transfer at Filemail is taken for a row whose answer was lost, and which are not. */
@FilemailBatchTest
class InDoubtReconcilerTest {

    @Autowired
    FilemailApi api;

    @Autowired
    LedgerRepository ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    private InDoubtReconciler reconciler;

    @BeforeEach
    void cleanSlate() {
        TestData.reset(jdbc, sandbox);
        reconciler = new InDoubtReconciler(api, ledger);
    }

    @Test
    void adoptsOnlyATransferWithTheSameSubjectRecipientsAndMessage() {
        InitializeTransferRequest row = request("Invoice 7", List.of("a@example.com", "b@example.com"), "Hello");
        api.initialize(request("Invoice 7", List.of("a@example.com"), "Hello"));
        api.initialize(request("Invoice 7", List.of("a@example.com", "b@example.com"), "Other message"));
        api.initialize(request("Invoice 77", List.of("a@example.com", "b@example.com"), "Hello"));
        TransferInitializeResult lost = api.initialize(request("Invoice 7", List.of("B@example.com",
                "a@example.com"), "Hello"));

        Optional<Initialized> adopted = reconciler.adopt("R-7", row, Instant.now().minusSeconds(60));

        assertThat(adopted).get().satisfies(found -> {
            assertThat(found.adopted()).isTrue();
            assertThat(found.result().transferid()).isEqualTo(lost.transferid());
            assertThat(found.result().transferkey()).isEqualTo(lost.transferkey());
            // The upload URL comes from the sent list's fileserverurl, and is the one initialize returned.
            assertThat(found.result().transferurl()).isEqualTo(lost.transferurl());
            assertThat(found.duplicatesCancelled()).isZero();
        });
        assertThat(sandbox.transfers()).extracting(SandboxTransfer::status)
                .containsOnly(SandboxTransfer.Status.INITIALIZED);
    }

    @Test
    void findsNothingWhenNoMatchingTransferWasSentAfterTheAttemptBegan() {
        InitializeTransferRequest row = request("Report", List.of(), null);
        api.initialize(row);

        // The attempt began well after that transfer (more than the clock-skew allowance).
        Instant attempt = Instant.now().plus(InDoubtReconciler.CLOCK_SKEW).plus(Duration.ofMinutes(1));

        assertThat(reconciler.adopt("R-8", row, attempt)).isEmpty();
    }

    @Test
    void aTransferAnotherRowAlreadyRecordedIsNeverTaken() throws Exception {
        InitializeTransferRequest row = request("Same content", List.of("x@example.com"), "Hi");
        TransferInitializeResult recorded = api.initialize(row);
        long execution = jdbc.queryForObject("SELECT NEXT VALUE FOR BATCH_JOB_EXECUTION_SEQ", Long.class);
        long instance = jdbc.queryForObject("SELECT NEXT VALUE FOR BATCH_JOB_INSTANCE_SEQ", Long.class);
        jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (?, 0, ?, ?)",
                instance, "reconcilerTest", "k" + instance);
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME) "
                + "VALUES (?, 0, ?, CURRENT_TIMESTAMP)", execution, instance);
        ledger.claim(new com.filemailbatch.ledger.Claim("OTHER", "Same content", List.of("x@example.com"),
                List.of(), "other.csv", 2, execution, "{}"));
        ledger.markInitialized("OTHER", recorded, null);

        assertThat(reconciler.adopt("R-9", row, Instant.now().minusSeconds(60))).isEmpty();
    }

    @Test
    void aTransferARowOfThisChunkCreatedButHasNotRecordedYetIsNeverTaken() {
        InitializeTransferRequest row = request("Chunk content", List.of("y@example.com"), null);
        TransferInitializeResult createdByAnotherRow = api.initialize(row);

        assertThat(reconciler.adopt("R-11", row, Instant.now().minusSeconds(60),
                Set.of(createdByAnotherRow.transferid()))).isEmpty();
        assertThat(reconciler.adopt("R-11", row, Instant.now().minusSeconds(60))).isPresent();
    }

    @Test
    void ofSeveralUnrecordedMatchesOneIsAdoptedAndTheOthersCancelled() {
        InitializeTransferRequest row = request("Retried", List.of("y@example.com"), null);
        api.initialize(row);
        api.initialize(row);
        api.initialize(row);

        Initialized adopted = reconciler.adopt("R-10", row, Instant.now().minusSeconds(60)).orElseThrow();

        // The oldest by send date is taken; three calls can share a millisecond, so only "one of them" is asserted.
        assertThat(adopted.duplicatesCancelled()).isEqualTo(2);
        assertThat(sandbox.transfers()).filteredOn(t -> t.status() == SandboxTransfer.Status.INITIALIZED)
                .singleElement().extracting(SandboxTransfer::id).isEqualTo(adopted.result().transferid());
        assertThat(sandbox.transfers()).filteredOn(t -> t.status() == SandboxTransfer.Status.CANCELLED).hasSize(2);
    }

    private static InitializeTransferRequest request(String subject, List<String> to, String message) {
        return new InitializeTransferRequest(to.isEmpty() ? null : to, subject, message, null, null, null, null, null,
                FilemailApi.SOURCE_DETAILS);
    }
}
