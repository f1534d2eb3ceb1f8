package com.filemailbatch.report;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step of every job: reports the run, and sets the exit status
 * {@value RunSummary#COMPLETED_WITH_PROBLEMS} when rows were rejected or failed, so that the job history shows it and
 * the command exits with 3.
 */
final class ReportTasklet implements Tasklet {

    private final RunReporter reporter;

    ReportTasklet(RunReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunSummary summary = reporter.report(contribution.getStepExecution().getJobExecution(), "finished");
        if (summary.hasProblems()) {
            contribution.setExitStatus(new ExitStatus(RunSummary.COMPLETED_WITH_PROBLEMS,
                    summary.rejected() + " rejected, " + summary.failed() + " failed"
                            + (summary.deferred() > 0 ? ", " + summary.deferred() + " deferred" : "")));
        }
        return RepeatStatus.FINISHED;
    }
}
