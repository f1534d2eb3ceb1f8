package com.filemailbatch.cleanup;

import com.filemailbatch.filemail.CancelOutcome;
import com.filemailbatch.filemail.FilemailApi;
import com.filemailbatch.filemail.FilemailApiException;
import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.Outcome;
import com.filemailbatch.ledger.LedgerEntry;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.ledger.TransferStatus;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Cancels one stale transfer and records the answer. "Already completed" and "gone" are answers, not errors:
 * they move the ledger row to COMPLETED or EXPIRED. A failed cancel leaves the row for the next cleanup,
 * except a fatal answer (bad key, account problem), which stops the step.
 */
class CancelStaleTransferProcessor implements ItemProcessor<LedgerEntry, JournalEntry> {

    static final String STEP = "cancelStaleTransfersStep";

    private final LedgerRepository ledger;
    private final FilemailApi api;
    private final long jobExecutionId;
    private final boolean dryRun;

    CancelStaleTransferProcessor(LedgerRepository ledger, FilemailApi api, long jobExecutionId, boolean dryRun) {
        this.ledger = ledger;
        this.api = api;
        this.jobExecutionId = jobExecutionId;
        this.dryRun = dryRun;
    }

    @Override
    public JournalEntry process(LedgerEntry transfer) {
        if (dryRun) {
            return entry(transfer, Outcome.WOULD_CANCEL, null);
        }
        CancelOutcome answer;
        try {
            answer = api.cancel(transfer.transferId(), ledger.transferKey(transfer));
        } catch (FilemailApiException e) {
            return switch (e.failureClass()) {
                case FATAL, QUOTA -> throw e;
                case TRANSIENT, ROW -> {
                    ledger.noteError(transfer.id(), e.statusLabel(), e.getMessage());
                    yield entry(transfer, Outcome.CANCEL_FAILED, e.getMessage());
                }
            };
        }
        return switch (answer) {
            case CANCELLED -> record(transfer, TransferStatus.CANCELLED, null, Outcome.CANCELLED);
            case ALREADY_COMPLETED -> record(transfer, TransferStatus.COMPLETED, "InvalidTransferState",
                    Outcome.FOUND_COMPLETED);
            case GONE -> record(transfer, TransferStatus.EXPIRED, "NotFound", Outcome.FOUND_EXPIRED);
        };
    }

    private JournalEntry record(LedgerEntry transfer, TransferStatus status, String note, Outcome outcome) {
        ledger.markFinal(transfer.id(), status, note);
        return entry(transfer, outcome, note == null ? null : "Filemail answered " + note);
    }

    private JournalEntry entry(LedgerEntry transfer, Outcome outcome, String reason) {
        return new JournalEntry(jobExecutionId, STEP, transfer.sourceLine(), transfer.reference(), outcome, null,
                reason, transfer.transferId());
    }
}
