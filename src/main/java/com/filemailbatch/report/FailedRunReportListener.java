package com.filemailbatch.report;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run that fails or stops never reaches its report step; this reports what it did up to that point, so every
 * run ends with a summary and a report file.
 */
public final class FailedRunReportListener implements JobExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(FailedRunReportListener.class);

    private final RunReporter reporter;

    FailedRunReportListener(RunReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        if (jobExecution.getStatus() == BatchStatus.COMPLETED) {
            return;
        }
        try {
            reporter.report(jobExecution, jobExecution.getStatus().name().toLowerCase());
        } catch (RuntimeException e) {
            // The run's own failure is what the operator must see; a report that cannot be written must not hide it.
            LOG.warn("could not report failed run {}", jobExecution.getId(), e);
        }
    }
}
