package com.filemailbatch.send;

import com.filemailbatch.filemail.FilemailApiException;
import com.filemailbatch.filemail.ValidationError;
import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.Outcome;
import com.filemailbatch.ledger.Claim;
import com.filemailbatch.ledger.ClaimResult;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.ledger.TransferStatus;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
    private final AttemptRecorder recorder;
    private final ExactlyOnceInitializer initializer;
    private final RunGuard guard;
    private final ObjectMapper json;
    private final long jobExecutionId;
    private final String stepName;

    TransferSender(LedgerRepository ledger, AttemptRecorder recorder, ExactlyOnceInitializer initializer,
            RunGuard guard, ObjectMapper json, long jobExecutionId, String stepName) {
        this.ledger = ledger;
        this.recorder = recorder;
        this.initializer = initializer;
        this.guard = guard;
        this.json = json;
        this.jobExecutionId = jobExecutionId;
        this.stepName = stepName;
    }

    /** Claims, calls and records one row (the resume step's way); throws what stopped the row, once recorded. */
    JournalEntry send(SendRow row) {
        guard.checkNotStopped();
        ClaimResult claim = ledger.claim(claimOf(row));
        JournalEntry notSent = notClaimed(row, claim);
        if (notSent != null) {
            return notSent;
        }
        Attempt attempt = call(row, claim, Set.of());
        List<RuntimeException> failures = recorder.record(List.of(attempt));
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return attempt.entry();
    }

    /** The ledger claim of a row: the request goes with it, encrypted, so a later run can send it. */
    Claim claimOf(SendRow row) {
        return new Claim(row.reference(), row.request().subject(), row.request().to(), row.files(),
                row.sourceFile(), row.line(), jobExecutionId, json.writeValueAsString(row.request()),
                row.validatedFiles());
    }

    /** The journal entry of a row that must not be sent (already sent, a duplicate), or null to send it. */
    JournalEntry notClaimed(SendRow row, ClaimResult claim) {
        return switch (claim.kind()) {
            case ALREADY_SENT -> entry(row, Outcome.ALREADY_SENT, null, null, claim.transferId());
            case DUPLICATE_IN_RUN -> entry(row, Outcome.DUPLICATE, "reference",
                    "the reference appears earlier in this input", claim.transferId());
            case CONFLICT_IN_RUN -> entry(row, Outcome.REJECTED, "reference", "the reference is also on line "
                    + claim.earlierLine() + " with different content; one reference names one transfer", null);
            case CLAIMED -> null;
        };
    }

    /**
     * Calls Filemail for a claimed row (committed PENDING) and says what to record; records nothing itself, so a
     * chunk of rows can be recorded in one transaction. Thread-safe.
     *
     * @param unrecorded transfer ids created by rows whose results are not recorded yet: a search for a lost
     *                   transfer must not adopt one of those
     */
    Attempt call(SendRow row, ClaimResult claim, Set<String> unrecorded) {
        if (guard.quotaExceeded()) {
            return deferred(row);
        }
        try {
            // Checked again after the claim: a fatal answer may have come while this row was being claimed.
            guard.checkNotStopped();
            Initialized done = initializer.initialize(row.reference(), row.request(), claim.inDoubtSince(),
                    unrecorded);
            guard.succeeded();
            JournalEntry entry = done.adopted()
                    ? entry(row, Outcome.ADOPTED, null, "found the transfer an earlier attempt created"
                            + (done.duplicatesCancelled() > 0 ? "; cancelled " + done.duplicatesCancelled()
                            + " duplicate(s)" : ""), done.result().transferid())
                    : entry(row, Outcome.INITIALIZED, null, null, done.result().transferid());
            return new Attempt(row, done, null, null, null, entry, null);
        } catch (FilemailApiException failed) {
            return switch (failed.failureClass()) {
                case ROW -> new Attempt(row, null, TransferStatus.REJECTED, failed.statusLabel(), failed.getMessage(),
                        entry(row, Outcome.REJECTED, rejectedColumn(failed.validationErrors()), failed.getMessage(),
                                null), null);
                case QUOTA -> {
                    guard.quotaExceeded(failed);
                    yield deferred(row);
                }
                case TRANSIENT -> {
                    guard.failed(failed);
                    yield new Attempt(row, null, TransferStatus.FAILED, failed.statusLabel(), failed.getMessage(),
                            entry(row, Outcome.FAILED, null, failed.getMessage(), null), null);
                }
                case FATAL -> {
                    // First, so that no other thread starts a call while this row is being recorded.
                    guard.stop(failed);
                    yield new Attempt(row, null, TransferStatus.FAILED, failed.statusLabel(), failed.getMessage(),
                            null, failed);
                }
            };
        } catch (RuntimeException failed) {
            // Not an answer from Filemail (the run stopped meanwhile, or a fault of ours): the row may be retried.
            return new Attempt(row, null, TransferStatus.FAILED, failed.getClass().getSimpleName(), failed.getMessage(),
                    null, failed);
        }
    }

    /**
     * What one call came to, not yet in the ledger: a transfer ({@code done}), or the unsent status to record; with
     * the journal entry, or the exception that must stop the chunk once the row is recorded.
     */
    record Attempt(SendRow row, Initialized done, TransferStatus unsentStatus, String errorStatus,
            String errorMessage, JournalEntry entry, RuntimeException rethrow) {

        String note() {
            return done.adopted() ? "ADOPTED" : null;
        }
    }

    private Attempt deferred(SendRow row) {
        return new Attempt(row, null, TransferStatus.DEFERRED, "ApiKeyQuotaExceeded",
                "not sent: the API key's daily quota is used up",
                entry(row, Outcome.DEFERRED, null, "the API key's daily quota is used up", null), null);
    }

    JournalEntry entry(SendRow row, Outcome outcome, String column, String reason, String transferId) {
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
