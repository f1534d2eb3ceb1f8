package com.filemailbatch.workers;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The manager's side of remote partitioning: sends one request per partition to the workers' queue, then follows the
 * partitions in the shared job repository until every one has ended, as Spring Batch's
 * {@code MessageChannelPartitionHandler} does when it polls the repository. Unlike that one, whose only limit is one
 * timeout for the whole step (a night's uploads may take hours), it tells a slow partition from a lost one:
 * <ul>
 * <li>a partition whose worker went silent for {@code lost-after} (killed, its machine gone) is sent again, and the
 * next worker takes it over, resuming its transfers from the chunks the ledger recorded;</li>
 * <li>when no worker has worked on any partition for {@code wait-for-workers} (none started, or all gone), the
 * partitions nobody took are withdrawn and the step fails: the run ends resumably (exit 2);</li>
 * <li>a stopping run withdraws the partitions nobody took, and waits for the running ones, which stop after their
 * chunk in flight.</li>
 * </ul>
 */
class RemotePartitionHandler extends AbstractPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

    private final PartitionRequests requests;
    private final JobRepository jobRepository;
    private final UploadPartitions partitions;
    private final WorkersProperties properties;
    private final String workerStepName;
    /** Why the last request could not be sent, for the message of a run that gave up. */
    private volatile String lastSendFailure;

    RemotePartitionHandler(PartitionRequests requests, JobRepository jobRepository, UploadPartitions partitions,
            WorkersProperties properties, String workerStepName) {
        this.requests = requests;
        this.jobRepository = jobRepository;
        this.partitions = partitions;
        this.properties = properties;
        this.workerStepName = workerStepName;
        setGridSize(properties.partitions());
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> split)
            throws Exception {
        if (split.isEmpty()) {
            return split;
        }
        long jobExecutionId = managerStepExecution.getJobExecutionId();
        waitForEarlierRuns(jobExecutionId);
        Map<Long, StepExecution> byId = new HashMap<>();
        for (StepExecution partition : split) {
            byId.put(partition.getId(), partition);
            partitions.add(partition.getId(), jobExecutionId, partitionName(partition),
                    partition.getExecutionContext().getInt(UploadRangePartitioner.TRANSFERS, 0));
        }
        Map<Long, OffsetDateTime> sentAgainAt = new HashMap<>();
        Set<Long> unsent = new HashSet<>(byId.keySet());
        log.info("Uploads of run {} split into {} partitions, sent to the workers on queue {}", jobExecutionId,
                split.size(), properties.queue());
        boolean stopping = false;
        while (true) {
            unsent.removeIf(id -> send(jobExecutionId, id));
            List<UploadPartition> rows = partitions.of(jobExecutionId);
            if (rows.stream().allMatch(row -> row.state() == PartitionState.ENDED
                    || row.state() == PartitionState.WITHDRAWN)) {
                return byId.keySet().stream().map(jobRepository::getStepExecution).collect(Collectors.toSet());
            }
            OffsetDateTime now = partitions.databaseNow();
            if (!stopping && isStopping(jobExecutionId)) {
                stopping = true;
                withdrawWaiting(rows, BatchStatus.STOPPED, "the run was stopped before a worker took it");
                continue;
            }
            for (UploadPartition row : rows) {
                if (isLost(row, now) && sentAgainAt.getOrDefault(row.stepExecutionId(), OffsetDateTime.MIN)
                        .isBefore(now.minus(properties.lostAfter()))) {
                    log.warn("Partition {} of run {}: its worker {} has been silent since {}; sent again for another "
                            + "worker to take over", row.partitionName(), jobExecutionId, row.worker(),
                            row.heartbeatAt());
                    sentAgainAt.put(row.stepExecutionId(), now);
                    if (!send(jobExecutionId, row.stepExecutionId())) {
                        unsent.add(row.stepExecutionId());
                    }
                }
            }
            if (!stopping && idleFor(rows, now).compareTo(properties.waitForWorkers()) > 0) {
                String reason = rows.stream().anyMatch(row -> row.state() != PartitionState.WAITING)
                        ? "no worker has worked on run " + jobExecutionId + "'s uploads for "
                        : "no worker took any of run " + jobExecutionId + "'s upload partitions within ";
                String message = reason + properties.waitForWorkers().toString().substring(2).toLowerCase()
                        + " (filemail.workers.wait-for-workers): start 'filemail-batch worker' on a machine that "
                        + "reaches RabbitMQ and this database, with the same release and master key (a worker of "
                        + "another release or database refuses partitions: see its log); then run the same command "
                        + "again to resume";
                if (!unsent.isEmpty()) {
                    message = unsent.size() + " of run " + jobExecutionId + "'s upload partitions could not be sent: "
                            + "RabbitMQ could not be reached for " + properties.waitForWorkers().toString()
                            .substring(2).toLowerCase() + " (" + lastSendFailure + "; set spring.rabbitmq.host, "
                            + "port, username, password, virtual-host); then run the same command again to resume";
                }
                withdrawWaiting(rows, BatchStatus.FAILED, message);
                throw new WorkersUnavailableException(message);
            }
            Thread.sleep(properties.pollInterval().toMillis());
        }
    }

    /**
     * Partitions of an earlier run that a worker still works on (the manager of that run died, and its worker has not
     * seen it yet): their transfers must not be uploaded twice at once, so this run waits until they stop.
     */
    private void waitForEarlierRuns(long jobExecutionId) throws InterruptedException {
        List<UploadPartition> running = partitions.runningElsewhere(jobExecutionId, properties.lostAfter());
        while (!running.isEmpty()) {
            log.info("Waiting for {} partition(s) of earlier runs that workers are still running ({}): they stop after "
                    + "their chunk in flight", running.size(), running.stream().map(UploadPartition::partitionName)
                    .collect(Collectors.joining(", ")));
            Thread.sleep(properties.pollInterval().toMillis());
            running = partitions.runningElsewhere(jobExecutionId, properties.lostAfter());
        }
    }

    /** @return whether it was handed to the broker; false when the broker cannot be reached now (tried again) */
    private boolean send(long jobExecutionId, long stepExecutionId) {
        try {
            requests.send(new PartitionRequest(workerStepName, stepExecutionId, jobExecutionId, requests.version(),
                    requests.database()));
            return true;
        } catch (AmqpException e) {
            lastSendFailure = e.getMessage();
            log.warn("Cannot send partition {} of run {} to RabbitMQ now ({}); trying again in {}", stepExecutionId,
                    jobExecutionId, e.getMessage(), properties.pollInterval());
            return false;
        }
    }

    private boolean isStopping(long jobExecutionId) {
        JobExecution execution = jobRepository.getJobExecution(jobExecutionId);
        return execution != null && (execution.getStatus() == BatchStatus.STOPPING
                || execution.getStatus() == BatchStatus.STOPPED);
    }

    private boolean isLost(UploadPartition row, OffsetDateTime now) {
        return row.state() == PartitionState.RUNNING && row.heartbeatAt().isBefore(now.minus(properties.lostAfter()));
    }

    /**
     * How long no worker has been seen working on any partition: zero while one beats its heartbeat; else since the
     * latest sign of life of any (sent, claimed, beat, ended).
     */
    private Duration idleFor(List<UploadPartition> rows, OffsetDateTime now) {
        if (rows.stream().anyMatch(row -> row.state() == PartitionState.RUNNING && !isLost(row, now))) {
            return Duration.ZERO;
        }
        OffsetDateTime latest = rows.stream()
                .flatMap(row -> java.util.stream.Stream.of(row.sentAt(), row.claimedAt(), row.heartbeatAt(),
                        row.endedAt()))
                .filter(java.util.Objects::nonNull).max(OffsetDateTime::compareTo).orElse(now);
        return Duration.between(latest, now);
    }

    /** Partitions no worker took never start now; their step executions end with {@code status}. */
    private void withdrawWaiting(List<UploadPartition> rows, BatchStatus status, String reason) {
        for (UploadPartition row : rows) {
            if (row.state() == PartitionState.WAITING && partitions.withdraw(row.stepExecutionId())) {
                StepExecution partition = jobRepository.getStepExecution(row.stepExecutionId());
                partition.setStatus(status);
                partition.setExitStatus(new ExitStatus(status.name(), reason));
                partition.setEndTime(java.time.LocalDateTime.now());
                jobRepository.update(partition);
            }
        }
    }

    private static String partitionName(StepExecution partition) {
        String name = partition.getStepName();
        return name.substring(name.indexOf(':') + 1);
    }
}
