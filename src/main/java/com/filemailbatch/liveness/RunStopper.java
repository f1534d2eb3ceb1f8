package com.filemailbatch.liveness;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Asks a running execution to stop after its chunk in flight: marks it STOPPING in the job repository, which the
 * running step reads at its next chunk boundary. Deliberately not {@code JobOperator.stop}: in Spring Batch 6.0 that
 * also registers and releases a step context for the running step from the calling thread, which closes the
 * running step's step-scoped reader, so the restart position is saved as 0 and a restart reads the input again.
 */
@Component
public class RunStopper {

    private final JobRepository jobRepository;

    RunStopper(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /** @return whether a running execution of that job instance was asked to stop */
    public boolean requestStop(String jobName, JobParameters parameters) {
        JobExecution running = jobRepository.getLastJobExecution(jobName, parameters);
        if (running == null || !running.isRunning()) {
            return false;
        }
        running.setStatus(BatchStatus.STOPPING);
        running.setExitStatus(ExitStatus.STOPPED);
        jobRepository.update(running);
        return true;
    }
}
