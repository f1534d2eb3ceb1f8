package com.filemailbatch.audit;

import com.filemailbatch.journal.JournalEntry;
import java.util.List;
import java.util.Map;

/** Everything {@code show} tells about one run. */
public record RunDetails(
        RunRecord run,
        Map<String, String> parameters,
        List<StepRecord> steps,
        List<JournalEntry> rejected,
        List<TransferRecord> transfers) {
}
