package com.filemailbatch.send;

import com.filemailbatch.filemail.FatalFilemailException;
import com.filemailbatch.filemail.FilemailApiException;
import com.filemailbatch.filemail.QuotaExceededException;
import com.filemailbatch.filemail.RowRejectedByFilemailException;
import com.filemailbatch.filemail.TransientFilemailException;
import com.filemailbatch.filemail.ValidationError;
import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.Outcome;
import com.filemailbatch.ledger.Claim;
import com.filemailbatch.ledger.ClaimResult;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.ledger.TransferStatus;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends one row so that it ends in exactly one transfer: claim its reference in the ledger (committed, with the
 * request, before the call), initialize exactly once, record the answer. What each kind of failure does:
 * a row refusal rejects the row; the quota defers this row and every later one; a transient failure that outlives
 * its retries fails the row (the next run retries it) and, row after row, stops the run; a fatal answer stops the
 * run at once. Thread-safe: the rows of a chunk are sent concurrently.
 */
class TransferSender {

    private final LedgerRepository ledger;
    private final ExactlyOnceInitializer initializer;
    private final RunGuard guard;
    private final ObjectMapper json;
    private final long jobExecutionId;
    private final String stepName;

    TransferSender(LedgerRepository ledger, ExactlyOnceInitializer initializer, RunGuard guard, ObjectMapper json,
            long jobExecutionId, String stepName) {
        this.ledger = ledger;
        this.initializer = initializer;
        this.guard = guard;
        this.json = json;
        this.jobExecutionId = jobExecutionId;
        this.stepName = stepName;
    }

    JournalEntry send(SendRow row) {
        guard.checkNotStopped();
        ClaimResult claim = ledger.claim(new Claim(row.reference(), row.request().subject(), row.request().to(),
                row.files(), row.sourceFile(), row.line(), jobExecutionId, json.writeValueAsString(row.request())));
        switch (claim.kind()) {
            case ALREADY_SENT:
                return entry(row, Outcome.ALREADY_SENT, null, null, claim.transferId());
            case DUPLICATE_IN_RUN:
                return entry(row, Outcome.DUPLICATE, "reference", "the reference appears earlier in this input",
                        claim.transferId());
            default:
                break;
        }
        if (guard.quotaExceeded()) {
            return defer(row);
        }
        try {
            // Checked again after the claim: a fatal answer may have come while this row was being claimed.
            guard.checkNotStopped();
            Initialized done = initializer.initialize(row.reference(), row.request(), claim.inDoubtSince());
            ledger.markInitialized(row.reference(), done.result(), done.adopted() ? "ADOPTED" : null);
            guard.succeeded();
            return done.adopted()
                    ? entry(row, Outcome.ADOPTED, null, "found the transfer an earlier attempt created"
                            + (done.duplicatesCancelled() > 0 ? "; cancelled " + done.duplicatesCancelled()
                            + " duplicate(s)" : ""), done.result().transferid())
                    : entry(row, Outcome.INITIALIZED, null, null, done.result().transferid());
        } catch (RowRejectedByFilemailException refused) {
            ledger.markUnsent(row.reference(), TransferStatus.REJECTED, refused.statusLabel(), refused.getMessage());
            return entry(row, Outcome.REJECTED, rejectedColumn(refused.validationErrors()), refused.getMessage(),
                    null);
        } catch (QuotaExceededException quota) {
            guard.quotaExceeded(quota);
            return defer(row);
        } catch (TransientFilemailException failed) {
            ledger.markUnsent(row.reference(), TransferStatus.FAILED, failed.statusLabel(), failed.getMessage());
            guard.failed(failed);
            return entry(row, Outcome.FAILED, null, failed.getMessage(), null);
        } catch (RuntimeException failed) {
            if (failed instanceof FatalFilemailException) {
                // First, so that no other thread starts a call while this row is being recorded.
                guard.stop(failed);
            }
            String status = failed instanceof FilemailApiException api ? api.statusLabel()
                    : failed.getClass().getSimpleName();
            ledger.markUnsent(row.reference(), TransferStatus.FAILED, status, failed.getMessage());
            throw failed;
        }
    }

    private JournalEntry defer(SendRow row) {
        ledger.markUnsent(row.reference(), TransferStatus.DEFERRED, "ApiKeyQuotaExceeded",
                "not sent: the API key's daily quota is used up");
        return entry(row, Outcome.DEFERRED, null, "the API key's daily quota is used up", null);
    }

    private JournalEntry entry(SendRow row, Outcome outcome, String column, String reason, String transferId) {
        return new JournalEntry(jobExecutionId, stepName, row.line(), row.reference(), outcome, column, reason,
                transferId);
    }

    /** The CSV column behind Filemail's first validation error ({@code to[2]} is the {@code to} column). */
    private static String rejectedColumn(List<ValidationError> errors) {
        if (errors.isEmpty() || errors.get(0).propertyName() == null) {
            return null;
        }
        String property = errors.get(0).propertyName();
        int bracket = property.indexOf('[');
        return (bracket > 0 ? property.substring(0, bracket) : property).toLowerCase(Locale.ROOT);
    }
}
