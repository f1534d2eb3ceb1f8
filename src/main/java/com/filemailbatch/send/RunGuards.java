package com.filemailbatch.send;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * One {@link RunGuard} per running job execution, shared by its send steps and their worker threads (a job-scoped
 * bean is not reachable from those threads), dropped when the execution ends.
 */
class RunGuards implements JobExecutionListener {

    private final Map<Long, RunGuard> guards = new ConcurrentHashMap<>();
    private final int stopAfterConsecutiveFailures;

    RunGuards(int stopAfterConsecutiveFailures) {
        this.stopAfterConsecutiveFailures = stopAfterConsecutiveFailures;
    }

    RunGuard forExecution(long jobExecutionId) {
        return guards.computeIfAbsent(jobExecutionId, id -> new RunGuard(stopAfterConsecutiveFailures));
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        guards.remove(jobExecution.getId());
    }
}
