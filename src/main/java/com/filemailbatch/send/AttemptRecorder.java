package com.filemailbatch.send;

import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.ledger.LedgerRepository.Initialization;
import com.filemailbatch.ledger.TransferStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place where what a call came to is written to the ledger, for the initialize step (a batch of ended
 * calls) and the resume step (one row) alike: the transfers in one transaction, each unsent row on its own.
 * A row whose transfer cannot be recorded (another row holds its transfer id) is marked FAILED: in doubt, so the
 * next run looks for its transfer. When the ledger cannot be written at all, the rows stay PENDING, which the next
 * run reconciles the same way.
 */
final class AttemptRecorder {

    private final LedgerRepository ledger;

    AttemptRecorder(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    /**
     * @return what must stop the run, in the order it arose (a ledger that could not be written first, then each
     *         row's own); empty when every attempt is recorded and none must stop the run
     */
    List<RuntimeException> record(List<TransferSender.Attempt> attempts) {
        List<RuntimeException> failures = new ArrayList<>();
        List<Initialization> initialized = new ArrayList<>();
        for (TransferSender.Attempt attempt : attempts) {
            if (attempt.done() != null) {
                initialized.add(new Initialization(attempt.row().reference(), attempt.done().result(),
                        attempt.note()));
            }
        }
        Map<String, RuntimeException> notRecorded = Map.of();
        try {
            notRecorded = initialized.isEmpty() ? Map.of() : ledger.markAllInitialized(initialized);
        } catch (RuntimeException ledgerDown) {
            failures.add(ledgerDown);
        }
        for (TransferSender.Attempt attempt : attempts) {
            RuntimeException rowFailure = attempt.rethrow();
            String reference = attempt.row().reference();
            try {
                if (attempt.done() == null) {
                    ledger.markUnsent(reference, attempt.unsentStatus(), attempt.errorStatus(),
                            attempt.errorMessage());
                } else if (notRecorded.containsKey(reference)) {
                    rowFailure = notRecorded.get(reference);
                    ledger.markUnsent(reference, TransferStatus.FAILED, rowFailure.getClass().getSimpleName(),
                            rowFailure.getMessage());
                }
            } catch (RuntimeException ledgerDown) {
                rowFailure = ledgerDown;
            }
            if (rowFailure != null) {
                failures.add(rowFailure);
            }
        }
        return failures;
    }
}
