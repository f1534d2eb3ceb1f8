package com.filemailbatch.report;

import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.Outcome;
import com.filemailbatch.journal.RunJournal;
import com.filemailbatch.ledger.RunTransfers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The transfers a run completed, as its report lists them: the run journal says which (in line order), the ledger
 * what each delivered. A transfer the ledger no longer holds (purged) is left out.
 */
final class Deliveries {

    private final RunJournal journal;
    private final RunTransfers ledger;

    Deliveries(RunJournal journal, RunTransfers ledger) {
        this.journal = journal;
        this.ledger = ledger;
    }

    List<Delivery> of(long jobExecutionId) {
        List<JournalEntry> completed = new ArrayList<>();
        journal.forEach(jobExecutionId, Outcome.COMPLETED, completed::add);
        Map<String, RunTransfers.Delivered> delivered = ledger.delivered(completed.stream()
                .map(JournalEntry::transferId).filter(Objects::nonNull).distinct().toList());
        List<Delivery> deliveries = new ArrayList<>(completed.size());
        for (JournalEntry entry : completed) {
            RunTransfers.Delivered transfer = delivered.get(entry.transferId());
            if (transfer != null) {
                deliveries.add(new Delivery(entry.sourceLine(), entry.reference(), entry.transferId(),
                        transfer.downloadUrl(), transfer.bytes()));
            }
        }
        return deliveries;
    }
}
