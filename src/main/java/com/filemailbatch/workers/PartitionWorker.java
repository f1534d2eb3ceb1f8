package com.filemailbatch.workers;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepLocator;
import tools.jackson.databind.ObjectMapper;

/**
 * The worker's side of remote partitioning: takes one partition request at a time from the queue, checks that it
 * comes from a manager of this release and database, claims the partition in {@code upload_partition}, and runs its
 * step execution (found by the {@code StepExecutionRequest}'s step name) against the shared job repository, beating
 * the partition's heartbeat meanwhile. The message is acknowledged once the partition is claimed: a worker that dies afterwards is
 * noticed by its silence (see {@link RemotePartitionHandler}), not by the broker, whose delivery timeout (30 minutes by
 * default) is shorter than a partition of large files may take.
 */
class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);
    /**
     * How often an idle worker asks for a request. Short: a worker that just ended a partition asks again at once, and
     * an idle one that asked seldom would leave it every partition (a basic.get that finds nothing costs the broker
     * next to nothing).
     */
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    /** How long a worker that cannot reach the broker waits before it asks again. */
    private static final Duration BROKER_RETRY = Duration.ofSeconds(5);
    private static final Set<BatchStatus> RUNNABLE = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED,
            BatchStatus.STOPPED);

    private final StepLocator steps;
    private final JobRepository jobRepository;
    private final UploadPartitions partitions;
    private final DatabaseIdentity database;
    private final PartitionRequests requests;
    private final RabbitOperations amqp;
    private final ObjectMapper json;
    private final WorkersProperties properties;
    private final MeterRegistry meters;
    private final String name;
    /** Told the exit code when this worker must end: it refused a partition of another release or database. */
    private final WorkerExit exit;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "filemail-batch-worker-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<StepExecution> current = new AtomicReference<>();
    private volatile boolean shuttingDown;
    /** Held while a partition runs and until it is ended or handed back: shutting down waits for it. */
    private final ReentrantLock busy = new ReentrantLock();

    PartitionWorker(StepLocator steps, JobRepository jobRepository, UploadPartitions partitions,
            DatabaseIdentity database, PartitionRequests requests, RabbitOperations amqp, ObjectMapper json, WorkersProperties properties,
            MeterRegistry meters, String name, WorkerExit exit) {
        this.steps = steps;
        this.jobRepository = jobRepository;
        this.partitions = partitions;
        this.database = database;
        this.requests = requests;
        this.amqp = amqp;
        this.json = json;
        this.properties = properties;
        this.meters = meters;
        this.name = name;
        this.exit = exit;
    }

    String name() {
        return name;
    }

    /**
     * Takes requests one at a time while the worker runs: only when it is free does it ask the broker for the next
     * (a basic.get, not a subscription), so that a busy worker never holds a request another could run now.
     */
    void work() {
        while (!shuttingDown) {
            try {
                Claimed claimed = amqp.execute(this::takeOne);
                if (claimed != null) {
                    run(claimed.request(), claimed.partition());
                    continue;
                }
            } catch (AmqpException e) {
                log.warn("Cannot take partition requests from RabbitMQ now ({}); trying again in {} s",
                        e.getMessage(), BROKER_RETRY.toSeconds());
                pause(BROKER_RETRY);
            } catch (RuntimeException e) {
                // The database gone for a moment, say: the claim, if any, goes silent and is taken over.
                log.error("Taking or running a partition failed; taking the next one", e);
            }
            pause(IDLE_POLL);
        }
    }

    private record Claimed(PartitionRequest request, StepExecution partition) {
    }

    /** The next request of the queue, answered: null when there is none or it is not this worker's to run. */
    private Claimed takeOne(Channel channel) throws IOException {
        GetResponse message = channel.basicGet(properties.queue(), false);
        if (message == null) {
            return null;
        }
        long tag = message.getEnvelope().getDeliveryTag();
        if (shuttingDown) {
            channel.basicReject(tag, true);
            return null;
        }
        PartitionRequest request;
        try {
            request = PartitionRequest.fromJson(json, message.getBody());
        } catch (RuntimeException e) {
            log.error("Dropped a message of queue {} that is no partition request: {}", properties.queue(),
                    e.getMessage());
            channel.basicAck(tag, false);
            return null;
        }
        String refusal = refusal(request);
        if (refusal != null) {
            // Back to the queue for a worker that can run it; this one ends, rather than take it again and again.
            shuttingDown = true;
            channel.basicReject(tag, true);
            log.error("Refused partition {} of run {}: {}. This worker stops (exit 78).", request.stepExecutionId(),
                    request.jobExecutionId(), refusal);
            exit.exit(78);
            return null;
        }
        StepExecution partition = jobRepository.getStepExecution(request.stepExecutionId());
        if (partition == null || !isRunning(partition.getJobExecution())) {
            log.info("Dropped the request for partition {} of run {}: its run is no longer running",
                    request.stepExecutionId(), request.jobExecutionId());
            channel.basicAck(tag, false);
            return null;
        }
        if (!partitions.claim(partition.getId(), name, properties.lostAfter())) {
            log.info("Dropped the request for partition {} of run {}: it ended, or another live worker runs it",
                    partition.getStepName(), request.jobExecutionId());
            channel.basicAck(tag, false);
            return null;
        }
        // Acknowledged once claimed: from here the claim's heartbeat, not the broker, tells whether it is being run.
        channel.basicAck(tag, false);
        if (!RUNNABLE.contains(partition.getStatus())) {
            // Its last worker finished it and died before it could say so.
            partitions.end(partition.getId(), name, partition.getStatus().name(), 0);
            return null;
        }
        return new Claimed(request, partition);
    }

    /**
     * What Spring Batch's {@code StepExecutionRequestHandler} does with a request, on the very step execution this
     * worker holds, so that the heartbeat and a shutdown can ask it to stop after its chunk in flight.
     */
    private void execute(PartitionRequest request, StepExecution partition) {
        Step step = steps.getStep(request.stepName());
        try {
            step.execute(partition);
        } catch (JobInterruptedException e) {
            partition.setStatus(BatchStatus.STOPPED);
        } catch (Throwable e) {
            partition.addFailureException(e);
            partition.setStatus(BatchStatus.FAILED);
        }
    }

    private void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shuttingDown = true;
        }
    }

    private void run(PartitionRequest request, StepExecution partition) {
        busy.lock();
        try {
            runClaimed(request, partition);
        } finally {
            busy.unlock();
        }
    }

    private void runClaimed(PartitionRequest request, StepExecution partition) {
        log.info("Running partition {} of run {}", partition.getStepName(), request.jobExecutionId());
        Counter uploaded = meters.find("filemail.batch.upload.bytes").counter();
        double[] counted = {uploaded == null ? 0 : uploaded.count()};
        Runnable beat = () -> {
            long more = moreBytes(uploaded, counted);
            StepExecution running = current.get();
            if (!partitions.beat(partition.getId(), name, more) && running != null) {
                log.warn("Partition {} is no longer this worker's (taken over after a silence): it stops after its "
                        + "chunk in flight", partition.getStepName());
                running.setTerminateOnly();
            }
            JobExecution run = jobRepository.getJobExecution(request.jobExecutionId());
            if (running != null && (run == null || !run.getStatus().isRunning())) {
                // Its manager died and the run was marked failed: the next run takes these transfers over.
                log.warn("Run {} is no longer running ({}): partition {} stops after its chunk in flight",
                        request.jobExecutionId(), run == null ? "gone" : run.getStatus(), partition.getStepName());
                running.setTerminateOnly();
            }
        };
        current.set(partition);
        // A beat and the partition's end never overlap: the bytes a beat counted are never lost to the end's update.
        boolean[] ended = {false};
        var beating = heartbeats.scheduleWithFixedDelay(() -> {
            synchronized (counted) {
                if (ended[0]) {
                    return;
                }
                try {
                    beat.run();
                } catch (RuntimeException e) {
                    log.warn("Heartbeat of partition {} failed: {}", partition.getStepName(), e.getMessage());
                }
            }
        }, properties.heartbeat().toMillis(), properties.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        StepExecution result = partition;
        try {
            execute(request, partition);
        } finally {
            beating.cancel(false);
            synchronized (counted) {
                ended[0] = true;
            }
            current.set(null);
        }
        StepExecution recorded = jobRepository.getStepExecution(partition.getId());
        if (recorded != null && recorded.getStatus().isRunning() && !result.getStatus().isRunning()) {
            // A failure the step could not record itself: it is ours to record.
            jobRepository.update(result);
        }
        long more = moreBytes(uploaded, counted);
        if (shuttingDown && result.getStatus() == BatchStatus.STOPPED && isRunning(result.getJobExecution())) {
            partitions.release(partition.getId(), name, more);
            requests.send(request);
            log.info("Partition {} handed back for another worker: this worker is shutting down",
                    partition.getStepName());
            return;
        }
        partitions.end(partition.getId(), name, result.getStatus().name(), more);
        log.info("Partition {} of run {} ended {}", partition.getStepName(), request.jobExecutionId(),
                result.getStatus());
    }

    /**
     * Stops taking partitions' chunks: the running one (if any) stops after its chunk in flight and is handed back for
     * another worker, which resumes it.
     */
    void shutDown(Duration grace) {
        shuttingDown = true;
        StepExecution running = current.get();
        if (running != null) {
            running.setTerminateOnly();
        }
        try {
            if (busy.tryLock(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                busy.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeats.shutdownNow();
    }

    private String refusal(PartitionRequest request) {
        if (!request.version().equals(requests.version())) {
            return "it comes from a manager of release " + request.version() + ", this worker is release "
                    + requests.version() + " (run the same release on the manager and every worker)";
        }
        if (!request.database().equals(database.id())) {
            return "it comes from a manager of another database (its database id " + request.database() + ", this "
                    + "worker's " + database.id() + "): point the worker at the manager's database "
                    + "(SPRING_DATASOURCE_URL)";
        }
        return null;
    }

    private boolean isRunning(JobExecution run) {
        JobExecution fresh = jobRepository.getJobExecution(run.getId());
        return fresh != null && fresh.getStatus().isRunning() && fresh.getStatus() != BatchStatus.STOPPING;
    }

    private static long moreBytes(Counter uploaded, double[] counted) {
        if (uploaded == null) {
            return 0;
        }
        double now = uploaded.count();
        long more = (long) (now - counted[0]);
        counted[0] += more;
        return more;
    }
}
