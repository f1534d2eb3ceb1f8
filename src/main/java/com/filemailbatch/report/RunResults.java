package com.filemailbatch.report;

import com.filemailbatch.journal.RunJournal;
import com.filemailbatch.ledger.RunTransfers;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/** What a finished run did, as its report tells it, for whoever tells it elsewhere: the notifications. */
@Component
public class RunResults {

    private final RunJournal journal;
    private final Deliveries deliveries;

    RunResults(RunJournal journal, RunTransfers ledger) {
        this.journal = journal;
        this.deliveries = new Deliveries(journal, ledger);
    }

    /** The run's counts. */
    public RunSummary summary(JobExecution job) {
        return RunSummary.of(job, journal.countByOutcome(job.getId()),
                deliveries(job.getId()).stream().mapToLong(Delivery::bytes).sum());
    }

    /** The transfers the run completed, in line order, with their download links. */
    public List<Delivery> deliveries(long jobExecutionId) {
        return deliveries.of(jobExecutionId);
    }
}
