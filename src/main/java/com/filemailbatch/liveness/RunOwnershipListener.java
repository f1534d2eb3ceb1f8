package com.filemailbatch.liveness;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.DisposableBean;

/** Records which process runs an execution and keeps its heartbeat fresh while it runs. */
public class RunOwnershipListener implements JobExecutionListener, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RunOwnershipListener.class);

    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final RunOwnerRepository owners;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "filemail-batch-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, ScheduledFuture<?>> beats = new ConcurrentHashMap<>();

    RunOwnershipListener(RunOwnerRepository owners) {
        this.owners = owners;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        long id = jobExecution.getId();
        owners.claim(id);
        beats.put(id, timer.scheduleAtFixedRate(() -> beat(id), HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(),
                TimeUnit.SECONDS));
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        ScheduledFuture<?> beat = beats.remove(jobExecution.getId());
        if (beat != null) {
            beat.cancel(false);
        }
    }

    private void beat(long jobExecutionId) {
        try {
            owners.heartbeat(jobExecutionId);
        } catch (RuntimeException e) {
            LOG.warn("heartbeat of run {} failed", jobExecutionId, e);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
