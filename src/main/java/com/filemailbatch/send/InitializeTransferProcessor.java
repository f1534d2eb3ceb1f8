package com.filemailbatch.send;

import com.filemailbatch.liveness.ThisProcess;
import com.filemailbatch.csv.Rejection;
import com.filemailbatch.csv.TransferDefinition;
import com.filemailbatch.csv.TransferDefinitionValidator;
import com.filemailbatch.csv.ValidTransfer;
import com.filemailbatch.csv.Validation;
import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.Outcome;
import com.filemailbatch.ledger.Claim;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.ledger.ValidatedFiles;
import com.filemailbatch.csv.TransferFiles;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validates one CSV row and makes it a row to send (the chunk's writer sends them together), or settles it: an
 * input rule rejects it (recorded at once), or a dry run says what would happen.
 */
class InitializeTransferProcessor implements ItemProcessor<TransferDefinition, InitializeItem> {

    static final String STEP = "initializeTransfersStep";

    private final TransferDefinitionValidator validator;
    private final LedgerRepository ledger;
    private final TransferRequestFactory requests;
    private final TransferFiles files;
    private final long jobExecutionId;
    private final boolean dryRun;

    InitializeTransferProcessor(TransferDefinitionValidator validator, LedgerRepository ledger,
            TransferRequestFactory requests, TransferFiles files, long jobExecutionId, boolean dryRun) {
        this.validator = validator;
        this.files = files;
        this.ledger = ledger;
        this.requests = requests;
        this.jobExecutionId = jobExecutionId;
        this.dryRun = dryRun;
    }

    @Override
    public InitializeItem process(TransferDefinition row) {
        Validation validation = validator.validate(row);
        if (validation instanceof Rejection rejection) {
            return InitializeItem.settled(reject(row, rejection));
        }
        ValidTransfer transfer = (ValidTransfer) validation;
        // The files are checked on disk before anything is sent, so a bad path never creates a transfer.
        TransferFiles.Checked checked = files.check(transfer.files());
        if (checked.problem() != null) {
            return InitializeItem.settled(reject(row, new Rejection(transfer.sourceFile(), transfer.line(),
                    transfer.reference(), "files", checked.problem())));
        }
        if (dryRun) {
            boolean sent = ledger.find(transfer.reference()).map(entry -> entry.status().isSent()).orElse(false);
            return InitializeItem.settled(new JournalEntry(jobExecutionId, STEP, transfer.line(),
                    transfer.reference(), sent ? Outcome.ALREADY_SENT : Outcome.WOULD_SEND, null, null, null));
        }
        // The ledger keeps the absolute paths: the upload step (maybe of a later run) does not know the base dir.
        List<String> paths = checked.paths().stream().map(Path::toString).toList();
        Long transferSize = paths.isEmpty() ? null : checked.totalSize();
        return InitializeItem.send(new SendRow(transfer.reference(), requests.initializeRequest(transfer, transferSize),
                paths, transfer.sourceFile(), transfer.line(), validated(checked)));
    }

    /** What was found on disk, kept with the claim: the upload sends these very files or none. */
    private static ValidatedFiles validated(TransferFiles.Checked checked) {
        if (checked.files().isEmpty()) {
            return null;
        }
        return new ValidatedFiles(checked.realBase().toString(), checked.files().stream()
                .map(file -> new ValidatedFiles.File(file.path().toString(), file.realPath().toString(),
                        file.fileKey(), file.size(), file.modified(), ThisProcess.host()))
                .toList());
    }

    private JournalEntry reject(TransferDefinition row, Rejection rejection) {
        if (!dryRun && rejection.reference() != null) {
            ledger.recordRejected(new Claim(rejection.reference(), row.subject(), List.of(), List.of(),
                    rejection.sourceFile(), rejection.line(), jobExecutionId, null), rejection.column(),
                    rejection.reason());
        }
        return new JournalEntry(jobExecutionId, STEP, rejection.line(), rejection.reference(), Outcome.REJECTED,
                rejection.column(), rejection.reason(), null);
    }
}
