package com.filemailbatch.liveness;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code runLock} in {@code /actuator/health}: for each job, whether its {@link RunLock} is held, by which process
 * ({@code host:pid}) and until when unless extended. A held lock is the normal state of a run in progress, so this is
 * always UP; a database that cannot answer makes it DOWN (as it does {@code db}).
 */
@Component
class RunLockHealthIndicator implements HealthIndicator {

    private final RunLock locks;
    private final ObjectProvider<Job> jobs;
    private final Clock clock;

    RunLockHealthIndicator(RunLock locks, ObjectProvider<Job> jobs, Clock clock) {
        this.locks = locks;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Map<String, Object> byJob = new LinkedHashMap<>();
        jobs.stream().map(Job::getName).sorted().forEach(job -> byJob.put(job, state(locks.holder(job))));
        return Health.up().withDetails(byJob).build();
    }

    /** Held while its expiry is ahead ({@link RunLock.Holder#heldAt}). */
    private Map<String, Object> state(Optional<RunLock.Holder> holder) {
        Map<String, Object> state = new LinkedHashMap<>();
        if (holder.isPresent() && holder.get().heldAt(clock.instant())) {
            state.put("state", "held");
            state.put("by", holder.get().lockedBy());
            state.put("until", holder.get().until().toString());
        } else {
            state.put("state", "free");
        }
        return state;
    }
}
