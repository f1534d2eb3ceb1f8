package com.filemailbatch.send;

import static com.filemailbatch.send.ScriptedInitializer.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.filemailbatch.filemail.FilemailApiException;
import com.filemailbatch.filemail.FilemailFailures;
import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.Outcome;
import com.filemailbatch.ledger.TestLedger;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The resume step's sender, built with plain {@code new} on a real ledger: claim → call → record, and failures. */
class TransferSenderTest {

    private final TestLedger ledger = TestLedger.create();
    private final ScriptedInitializer filemail = new ScriptedInitializer(ledger);
    private final RunGuard guard = new RunGuard(3);
    private final TransferSender sender = new TransferSender(ledger.repository(),
            new AttemptRecorder(ledger.repository()), filemail, guard, JsonMapper.builder().build(),
            ledger.execution(7), "step");

    @Test
    void theClaimIsCommittedBeforeTheCallAndTheTransferRecordedAfterIt() {
        JournalEntry entry = sender.send(row("R-1", 2));

        assertThat(filemail.statusAtCall).containsEntry("R-1", "PENDING");
        assertThat(ledger.status("R-1")).isEqualTo("INITIALIZED");
        assertThat(ledger.column("R-1", "transfer_id")).isEqualTo("T-R-1");
        assertThat(ledger.column("R-1", "transfer_key_enc")).asString().isNotBlank().doesNotContain("key-R-1");
        assertThat(ledger.column("R-1", "request_enc")).as("the stored request is dropped once sent").isNull();
        assertThat(entry.outcome()).isEqualTo(Outcome.INITIALIZED);
        assertThat(entry.transferId()).isEqualTo("T-R-1");
        assertThat(entry.sourceLine()).isEqualTo(2L);
    }

    @Test
    void aReferenceAlreadySentIsNotCalledAgain() {
        sender.send(row("R-1", 2));

        JournalEntry again = new TransferSender(ledger.repository(), new AttemptRecorder(ledger.repository()),
                filemail, guard, JsonMapper.builder().build(), ledger.execution(8), "step").send(row("R-1", 2));

        assertThat(filemail.calls).containsExactly("R-1");
        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_SENT);
        assertThat(again.transferId()).isEqualTo("T-R-1");
    }

    @Test
    void aClaimThatCannotBeCommittedSendsNothing() {
        ledger.down(true);

        assertThatThrownBy(() -> sender.send(row("R-1", 2))).isInstanceOf(RuntimeException.class);

        ledger.down(false);
        assertThat(filemail.calls).isEmpty();
        assertThat(ledger.status("R-1")).isNull();
    }

    @Test
    void aTransientFailureLeavesTheRowFailedForTheNextRun() {
        filemail.answer("R-1", reference -> {
            throw failure(503, "ServiceInterruption");
        });

        JournalEntry entry = sender.send(row("R-1", 2));

        assertThat(ledger.status("R-1")).isEqualTo("FAILED");
        assertThat(ledger.column("R-1", "last_error_status")).isEqualTo("ServiceInterruption");
        assertThat(ledger.column("R-1", "request_enc")).as("kept, so the next run can send it").isNotNull();
        assertThat(entry.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aRowRefusalRejectsTheRowAndDropsItsRequest() {
        filemail.answer("R-1", reference -> {
            throw failure(400, "InvalidEmailAddress");
        });

        JournalEntry entry = sender.send(row("R-1", 2));

        assertThat(ledger.status("R-1")).isEqualTo("REJECTED");
        assertThat(ledger.column("R-1", "request_enc")).isNull();
        assertThat(entry.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void theQuotaDefersThisRowAndEveryLaterOneWithoutACall() {
        filemail.answer("R-1", reference -> {
            throw failure(406, "ApiKeyQuotaExceeded");
        });

        JournalEntry first = sender.send(row("R-1", 2));
        JournalEntry second = sender.send(row("R-2", 3));

        assertThat(List.of(first.outcome(), second.outcome())).containsExactly(Outcome.DEFERRED, Outcome.DEFERRED);
        assertThat(ledger.status("R-1")).isEqualTo("DEFERRED");
        assertThat(ledger.status("R-2")).isEqualTo("DEFERRED");
        assertThat(filemail.calls).containsExactly("R-1");
    }

    @Test
    void aFatalAnswerIsRecordedThenStopsTheRunBeforeTheNextClaim() {
        filemail.answer("R-1", reference -> {
            throw failure(401, "InvalidApikey");
        });

        assertThatThrownBy(() -> sender.send(row("R-1", 2))).isInstanceOf(FilemailApiException.class);
        assertThatThrownBy(() -> sender.send(row("R-2", 3))).isInstanceOf(RunGuard.RunStoppedException.class);

        assertThat(ledger.status("R-1")).isEqualTo("FAILED");
        assertThat(ledger.status("R-2")).as("never claimed").isNull();
        assertThat(filemail.calls).containsExactly("R-1");
    }

    @Test
    void aTransferThatCannotBeRecordedLeavesTheRowInDoubtAndStopsIt() {
        sender.send(row("R-1", 2));
        // Filemail answers R-2 with the transfer R-1 already holds: the ledger refuses to record it twice.
        filemail.answer("R-2", reference -> ScriptedInitializer.created("R-1"));

        assertThatThrownBy(() -> sender.send(row("R-2", 3))).isInstanceOf(RuntimeException.class);

        assertThat(ledger.status("R-2")).as("in doubt: the next run looks for its transfer").isEqualTo("FAILED");
        assertThat(ledger.column("R-2", "transfer_id")).isNull();
    }

    @Test
    void aLedgerLostBetweenTheCallAndItsRecordLeavesTheRowPending() {
        filemail.answer("R-1", reference -> {
            ledger.down(true);
            return ScriptedInitializer.created(reference);
        });

        assertThatThrownBy(() -> sender.send(row("R-1", 2))).isInstanceOf(RuntimeException.class);

        ledger.down(false);
        assertThat(ledger.status("R-1")).as("in doubt: reconciled by the next run").isEqualTo("PENDING");
    }

    static FilemailApiException failure(int httpStatus, String responseStatus) {
        return FilemailFailures.answered("initialize", httpStatus, responseStatus, "scripted", List.of());
    }
}
