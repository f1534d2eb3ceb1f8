package com.filemailbatch.liveness;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs left STARTED (or STOPPING) by a process that is gone. An execution is still alive when its owner in
 * {@code run_owner} is a live process of this host, or — for another host, whose processes we cannot see — when its
 * heartbeat is recent or that host holds the job's lock. Anything else is marked FAILED (Spring Batch's recover,
 * with an exit description saying why), so the next launch restarts it where it stopped.
 */
@Component
public class StaleRunRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(StaleRunRecovery.class);

    /** A heartbeat this old means its process is gone (three beats missed). */
    static final Duration STALE_AFTER = RunOwnershipListener.HEARTBEAT.multipliedBy(3);

    private final RunOwnerRepository owners;
    private final JobOperator operator;
    private final JobRepository repository;
    private final RunLock lock;
    private final Clock clock;

    StaleRunRecovery(RunOwnerRepository owners, JobOperator operator, JobRepository repository, RunLock lock,
            Clock clock) {
        this.owners = owners;
        this.operator = operator;
        this.repository = repository;
        this.lock = lock;
        this.clock = clock;
    }

    /**
     * Before a launch of one job instance.
     *
     * @return the owner still running it, if any; empty when the execution was recovered (or needed nothing)
     */
    public Optional<RunOwner> recoverIfAbandoned(JobExecution last) {
        if (last == null || !last.isRunning()) {
            return Optional.empty();
        }
        Optional<RunOwner> owner = owners.find(last.getId());
        if (owner.isPresent() && isAlive(owner.get(), last)) {
            return owner;
        }
        markFailed(last, owner);
        return Optional.empty();
    }

    /**
     * Before any launch of a job (while holding its lock): every execution of that job still marked running whose
     * owner is gone, whatever its parameters (yesterday's run left STARTED by a crash, say), is marked FAILED.
     *
     * @return the ids of the executions recovered
     */
    public List<Long> recoverAbandoned(String jobName) {
        List<Long> recovered = new ArrayList<>();
        repository.findRunningJobExecutions(jobName).stream()
                .sorted(Comparator.comparing(JobExecution::getId))
                .forEach(execution -> {
                    Optional<RunOwner> owner = owners.find(execution.getId());
                    if (owner.isEmpty() || !isAlive(owner.get(), execution)) {
                        markFailed(execution, owner);
                        recovered.add(execution.getId());
                    }
                });
        return recovered;
    }

    /** {@code recover EXECUTION_ID}: the same rule, for one execution named by the operator. */
    public Recovery recover(long executionId) {
        JobExecution execution;
        try {
            execution = repository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException unknown) {
            // Spring Batch 6.0 throws here for an unknown id instead of returning null.
            execution = null;
        }
        if (execution == null) {
            return new Recovery(Recovery.Result.NOT_FOUND, null, Optional.empty());
        }
        if (execution.getStatus() != BatchStatus.STARTED && execution.getStatus() != BatchStatus.STOPPING) {
            return new Recovery(Recovery.Result.NOT_RUNNING, execution, Optional.empty());
        }
        Optional<RunOwner> owner = owners.find(executionId);
        if (owner.isPresent() && isAlive(owner.get(), execution)) {
            return new Recovery(Recovery.Result.OWNER_ALIVE, execution, owner);
        }
        markFailed(execution, owner);
        return new Recovery(Recovery.Result.RECOVERED, repository.getJobExecution(executionId), owner);
    }

    private void markFailed(JobExecution execution, Optional<RunOwner> owner) {
        String why = "recovered: left " + execution.getStatus() + " by "
                + owner.map(o -> "process " + o.pid() + " on " + o.host()).orElse("a process that recorded no owner")
                + ", which is gone; the next launch of the same run restarts it where it stopped";
        operator.recover(execution);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        repository.update(execution);
        LOG.warn("execution {} of {}: {}", execution.getId(), execution.getJobInstance().getJobName(), why);
    }

    private boolean isAlive(RunOwner owner, JobExecution execution) {
        if (owner.host().equals(ThisProcess.HOST)) {
            return owner.pid() != ThisProcess.PID && ThisProcess.isAlive(owner.pid());
        }
        if (owner.heartbeatAt().toInstant().isAfter(clock.instant().minus(STALE_AFTER))) {
            return true;
        }
        // Another host's process may be alive yet unable to write its heartbeat for a while: as long as that host
        // still holds the job's lock (extended while its run lives), its run counts as alive.
        return lock.holder(execution.getJobInstance().getJobName())
                .filter(holder -> holder.lockedBy().startsWith(owner.host() + ":"))
                .filter(holder -> holder.until().isAfter(clock.instant()))
                .isPresent();
    }

    /** What {@link #recover(long)} found and did. */
    public record Recovery(Result result, JobExecution execution, Optional<RunOwner> owner) {

        public enum Result { RECOVERED, NOT_FOUND, NOT_RUNNING, OWNER_ALIVE }
    }
}
