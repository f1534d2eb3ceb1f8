package com.filemailbatch.send;

import com.filemailbatch.csv.Rejection;
import com.filemailbatch.csv.TransferDefinition;
import com.filemailbatch.csv.TransferDefinitionValidator;
import com.filemailbatch.csv.ValidTransfer;
import com.filemailbatch.csv.Validation;
import com.filemailbatch.filemail.FilemailApi;
import com.filemailbatch.filemail.FilemailApiException;
import com.filemailbatch.filemail.RowRejectedByFilemailException;
import com.filemailbatch.filemail.TransferInitializeResult;
import com.filemailbatch.filemail.ValidationError;
import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.Outcome;
import com.filemailbatch.ledger.Claim;
import com.filemailbatch.ledger.ClaimResult;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.ledger.TransferStatus;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns one CSV row into at most one Filemail transfer: validate, claim the reference in the ledger (committed
 * before the call, so a crash leaves a PENDING trace instead of nothing), call initialize, record the result.
 * Runs on several threads at once; everything it shares is thread-safe.
 */
class InitializeTransferProcessor implements ItemProcessor<TransferDefinition, JournalEntry> {

    static final String STEP = "initializeTransfersStep";

    private final TransferDefinitionValidator validator;
    private final LedgerRepository ledger;
    private final FilemailApi api;
    private final TransferRequestFactory requests;
    private final long jobExecutionId;
    private final boolean dryRun;

    InitializeTransferProcessor(TransferDefinitionValidator validator, LedgerRepository ledger, FilemailApi api,
            TransferRequestFactory requests, long jobExecutionId, boolean dryRun) {
        this.validator = validator;
        this.ledger = ledger;
        this.api = api;
        this.requests = requests;
        this.jobExecutionId = jobExecutionId;
        this.dryRun = dryRun;
    }

    @Override
    public JournalEntry process(TransferDefinition row) {
        Validation validation = validator.validate(row);
        if (validation instanceof Rejection rejection) {
            return reject(row, rejection);
        }
        ValidTransfer transfer = (ValidTransfer) validation;
        if (dryRun) {
            boolean sent = ledger.find(transfer.reference()).map(entry -> entry.status().isSent()).orElse(false);
            return entry(transfer, sent ? Outcome.ALREADY_SENT : Outcome.WOULD_SEND, null, null, null);
        }
        ClaimResult claim = ledger.claim(new Claim(transfer.reference(), transfer.subject(), transfer.to(),
                transfer.files(), transfer.sourceFile(), transfer.line(), jobExecutionId));
        return switch (claim.kind()) {
            case ALREADY_SENT -> entry(transfer, Outcome.ALREADY_SENT, null, null, claim.transferId());
            case DUPLICATE_IN_RUN -> entry(transfer, Outcome.DUPLICATE, "reference",
                    "the reference appears earlier in this input", null);
            case CLAIMED -> initialize(transfer);
        };
    }

    private JournalEntry initialize(ValidTransfer transfer) {
        TransferInitializeResult result;
        try {
            result = api.initialize(requests.initializeRequest(transfer));
        } catch (RowRejectedByFilemailException refused) {
            ledger.markUnsent(transfer.reference(), TransferStatus.REJECTED, refused.statusLabel(),
                    refused.getMessage());
            return entry(transfer, Outcome.REJECTED, rejectedProperty(refused.validationErrors()),
                    refused.getMessage(), null);
        } catch (RuntimeException failed) {
            // Anything else stops the step; the row stays retryable and the restart sends it again.
            String status = failed instanceof FilemailApiException apiFailure ? apiFailure.statusLabel()
                    : failed.getClass().getSimpleName();
            ledger.markUnsent(transfer.reference(), TransferStatus.FAILED, status, failed.getMessage());
            throw failed;
        }
        ledger.markInitialized(transfer.reference(), result);
        return entry(transfer, Outcome.INITIALIZED, null, null, result.transferid());
    }

    private JournalEntry reject(TransferDefinition row, Rejection rejection) {
        if (!dryRun && rejection.reference() != null) {
            ledger.recordRejected(new Claim(rejection.reference(), row.subject(), List.of(), List.of(),
                    rejection.sourceFile(), rejection.line(), jobExecutionId), rejection.column(), rejection.reason());
        }
        return new JournalEntry(jobExecutionId, STEP, rejection.line(), rejection.reference(), Outcome.REJECTED,
                rejection.column(), rejection.reason(), null);
    }

    private JournalEntry entry(ValidTransfer transfer, Outcome outcome, String column, String reason,
            String transferId) {
        return new JournalEntry(jobExecutionId, STEP, transfer.line(), transfer.reference(), outcome, column, reason,
                transferId);
    }

    /** The CSV column behind Filemail's first validation error ({@code to[2]} is the {@code to} column). */
    private static String rejectedProperty(List<ValidationError> errors) {
        if (errors.isEmpty() || errors.get(0).propertyName() == null) {
            return null;
        }
        String property = errors.get(0).propertyName();
        int bracket = property.indexOf('[');
        return (bracket > 0 ? property.substring(0, bracket) : property).toLowerCase();
    }
}
