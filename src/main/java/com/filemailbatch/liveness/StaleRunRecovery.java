package com.filemailbatch.liveness;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/**
 * Before a launch: a run of the same job instance still marked running is either really running (another live
 * process, or a recent heartbeat from another host) or was left behind by a process that is gone. The latter is
 * marked FAILED (Spring Batch's recover), so the launch restarts it where it stopped.
 */
@Component
public class StaleRunRecovery {

    /** A heartbeat this old means its process is gone (three beats missed). */
    static final Duration STALE_AFTER = RunOwnershipListener.HEARTBEAT.multipliedBy(3);

    private final RunOwnerRepository owners;
    private final JobOperator operator;
    private final Clock clock;

    StaleRunRecovery(RunOwnerRepository owners, JobOperator operator, Clock clock) {
        this.owners = owners;
        this.operator = operator;
        this.clock = clock;
    }

    /**
     * @return the owner still running it, if any; empty when the execution was recovered (or needed nothing)
     */
    public Optional<RunOwner> recoverIfAbandoned(JobExecution last) {
        if (last == null || !last.isRunning()) {
            return Optional.empty();
        }
        Optional<RunOwner> owner = owners.find(last.getId());
        if (owner.isPresent() && isAlive(owner.get())) {
            return owner;
        }
        operator.recover(last);
        return Optional.empty();
    }

    private boolean isAlive(RunOwner owner) {
        if (owner.host().equals(ThisProcess.HOST)) {
            return owner.pid() != ThisProcess.PID && ThisProcess.isAlive(owner.pid());
        }
        return owner.heartbeatAt().toInstant().isAfter(clock.instant().minus(STALE_AFTER));
    }
}
