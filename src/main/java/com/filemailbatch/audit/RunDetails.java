package com.filemailbatch.audit;

import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.ledger.TransferRecord;
import java.util.List;
import java.util.Map;

/** Everything {@code show} tells about one run. */
public record RunDetails(
        RunRecord run,
        Map<String, String> parameters,
        List<StepRecord> steps,
        /** Ledger rows this run touched last, per status (a later run that touches a row takes it over). */
        Map<String, Long> ledgerStatuses,
        List<JournalEntry> rejected,
        List<TransferRecord> transfers) {
}
