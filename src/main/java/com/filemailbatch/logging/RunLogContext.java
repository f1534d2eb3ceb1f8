package com.filemailbatch.logging;

import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts the run in the log's context (SLF4J's MDC) while it runs: {@value #RUN_ID} (the job execution id) and
 * {@value #JOB} for the whole run, {@value #STEP} inside each step. Structured logs carry them as fields; the threads
 * a step hands work to carry them through {@link MdcTaskDecorator}. Registered on every job and every step, first
 * (so the listeners after it log with the context, and its own end runs last).
 */
@Component
public final class RunLogContext implements JobExecutionListener, StepExecutionListener, Ordered {

    public static final String RUN_ID = "runId";
    public static final String JOB = "job";
    public static final String STEP = "step";

    @Override
    public void beforeJob(JobExecution jobExecution) {
        MDC.put(RUN_ID, Long.toString(jobExecution.getId()));
        MDC.put(JOB, jobExecution.getJobInstance().getJobName());
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        MDC.remove(RUN_ID);
        MDC.remove(JOB);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        // Also here: a step's thread need not be the job's.
        MDC.put(RUN_ID, Long.toString(stepExecution.getJobExecutionId()));
        MDC.put(STEP, stepExecution.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        MDC.remove(STEP);
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
