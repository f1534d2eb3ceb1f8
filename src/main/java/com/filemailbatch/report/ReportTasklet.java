package com.filemailbatch.report;

import com.filemailbatch.journal.RunJournal;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step of every job: counts what the run did from the run journal, writes the report files, prints the
 * summary, and sets the exit status {@value RunSummary#COMPLETED_WITH_PROBLEMS} when rows were rejected or failed, so that the
 * job history shows it and the command exits with 3.
 */
final class ReportTasklet implements Tasklet {

    private final RunJournal journal;
    private final RunReportWriter reports;
    private final PrintStream out;

    ReportTasklet(RunJournal journal, RunReportWriter reports, PrintStream out) {
        this.journal = journal;
        this.reports = reports;
        this.out = out;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = contribution.getStepExecution();
        JobExecution job = step.getJobExecution();
        long id = job.getId();
        long rowsRead = job.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals("initializeTransfersStep"))
                .mapToLong(StepExecution::getReadCount)
                .sum();
        boolean dryRun = "true".equals(job.getJobParameters().getString("dryRun"));
        RunSummary summary = RunSummary.of(id, job.getJobInstance().getJobName(), dryRun, rowsRead,
                journal.countByOutcome(id));
        reports.write(summary, parameters(job));
        out.print(SummaryFormatter.format(summary, reports.reportFile(id).toString(),
                reports.rejectedFile(id).toString()));
        out.flush();
        if (summary.hasProblems()) {
            contribution.setExitStatus(new ExitStatus(RunSummary.COMPLETED_WITH_PROBLEMS,
                    summary.rejected() + " rejected, " + summary.failed() + " failed"));
        }
        return RepeatStatus.FINISHED;
    }

    private static Map<String, String> parameters(JobExecution job) {
        Map<String, String> parameters = new LinkedHashMap<>();
        job.getJobParameters().parameters().forEach(p -> parameters.put(p.name(), String.valueOf(p.value())));
        return parameters;
    }
}
