package com.filemailbatch.send;

import com.filemailbatch.filemail.InitializeTransferRequest;
import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.Outcome;
import com.filemailbatch.ledger.LedgerEntry;
import com.filemailbatch.ledger.LedgerRepository;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends a row an earlier run left unsent (DEFERRED by the quota, FAILED after retries, or PENDING after a crash)
 * from the request stored with it, so it goes out first and does not depend on its CSV being run again.
 */
class ResumeTransferProcessor implements ItemProcessor<LedgerEntry, JournalEntry> {

    static final String STEP = "resumeUnsentTransfersStep";

    private final LedgerRepository ledger;
    private final TransferSender sender;
    private final ObjectMapper json;
    private final long jobExecutionId;
    private final boolean dryRun;

    ResumeTransferProcessor(LedgerRepository ledger, TransferSender sender, ObjectMapper json, long jobExecutionId,
            boolean dryRun) {
        this.ledger = ledger;
        this.sender = sender;
        this.json = json;
        this.jobExecutionId = jobExecutionId;
        this.dryRun = dryRun;
    }

    @Override
    public JournalEntry process(LedgerEntry unsent) {
        String stored = ledger.storedRequest(unsent.reference());
        if (stored == null) {
            // Sent or rejected by someone else since the page was read.
            return null;
        }
        long line = unsent.sourceLine() == null ? 0 : unsent.sourceLine();
        if (dryRun) {
            return new JournalEntry(jobExecutionId, STEP, line, unsent.reference(), Outcome.WOULD_SEND, null,
                    "left unsent by an earlier run (" + unsent.status() + ")", null);
        }
        InitializeTransferRequest request = json.readValue(stored, InitializeTransferRequest.class);
        List<String> files = unsent.files() == null ? List.of() : List.of(unsent.files().split(";"));
        // The files as validated when the row was read: the upload sends those, or nothing.
        return sender.send(new SendRow(unsent.reference(), request, files, unsent.sourceFile(), line,
                files.isEmpty() ? null : ledger.validatedFiles(unsent.reference())));
    }
}
