package com.filemailbatch.report;

import com.filemailbatch.journal.Outcome;
import com.filemailbatch.journal.RunJournal;
import java.util.List;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;

/**
 * Tells what a run did: counts it from the run journal, writes the report files and prints the summary. Used by the
 * report step at the end of a run, and by {@link FailedRunReportListener} when a run stops before reaching it.
 */
final class RunReporter {

    private final RunJournal journal;
    private final Deliveries deliveries;
    private final RunReportWriter reports;
    private final RunSummaries summaries;

    RunReporter(RunJournal journal, Deliveries deliveries, RunReportWriter reports, RunSummaries summaries) {
        this.journal = journal;
        this.deliveries = deliveries;
        this.reports = reports;
        this.summaries = summaries;
    }

    RunSummary report(JobExecution job, String ending) {
        long id = job.getId();
        List<Delivery> delivered = deliveries.of(id);
        RunSummary summary = RunSummary.of(job, journal.countByOutcome(id),
                delivered.stream().mapToLong(Delivery::bytes).sum());
        reports.write(summary, parameters(job));
        summaries.add(summary);
        PrintStream out = summaries.people();
        out.print(SummaryFormatter.format(summary, ending, reports.reportFile(id).toString(),
                reports.rejectedFile(id).toString()));
        if (summary.rejected() > 0) {
            out.print(SummaryFormatter.rejections(journal.first(id, Outcome.REJECTED,
                    SummaryFormatter.MAX_REJECTIONS_SHOWN), summary.rejected()));
        }
        out.print(SummaryFormatter.downloads(delivered));
        out.flush();
        return summary;
    }

    private static Map<String, String> parameters(JobExecution job) {
        Map<String, String> parameters = new LinkedHashMap<>();
        job.getJobParameters().parameters().forEach(p -> parameters.put(p.name(), String.valueOf(p.value())));
        return parameters;
    }
}
