package com.filemailbatch.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.support.FilemailBatchPostgresTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A run whose workers come late and whose broker restarts in the middle: the real RabbitMQ of the machine is
 * stopped and started again ({@code rabbitmqctl stop_app}, {@code start_app}) while a worker uploads a partition.
 * And a worker shut down in the middle of a partition, as on SIGTERM. The wait for workers is long here, so that a
 * slow start of a worker's context never looks like no worker.
 */
@FilemailBatchPostgresTest
@EnabledIf(value = "com.filemailbatch.support.RabbitMqServer#available",
        disabledReason = "no RabbitMQ at 127.0.0.1:5672")
@TestPropertySource(properties = {"filemail.upload.chunk-size=5MB", "filemail.workers.enabled=true",
        "filemail.workers.partitions=2", "filemail.workers.poll-interval=100ms", "filemail.workers.heartbeat=200ms",
        "filemail.workers.lost-after=2s", "filemail.workers.wait-for-workers=2m",
        "spring.datasource.hikari.maximum-pool-size=8",
        // One transfer at a time: a worker that stops does so after the transfer in flight, in the middle of its
        // partition of three.
        "filemail.concurrency=1"})
class WorkersBrokerRestartTest {

    private static final String QUEUE = "filemail-batch.test." + UUID.randomUUID();

    @DynamicPropertySource
    static void queue(DynamicPropertyRegistry registry) {
        registry.add("filemail.workers.queue", () -> QUEUE);
    }

    @Autowired
    JobRuns jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    Environment environment;

    @Autowired
    UploadPartitions partitions;

    @Autowired
    AmqpAdmin amqpAdmin;

    @TempDir
    Path dir;

    private WorkerFixture fixture;

    @BeforeEach
    void cleanSlate() {
        fixture = new WorkerFixture(environment, jdbc, sandbox, partitions, dir);
        TestData.reset(jdbc, sandbox);
        jdbc.update("DELETE FROM upload_partition");
        amqpAdmin.purgeQueue(QUEUE, false);
    }

    @AfterEach
    void stopWorkers() {
        sandbox.setLatency(Duration.ZERO);
        fixture.stopWorkers();
    }

    @Test
    void aWorkerStartedAfterTheRunBeganAndABrokerRestartedInTheMiddleLoseNothing() throws Exception {
        Path input = fixture.sixTransfers();
        // Slow chunks, so that the broker restarts while partitions are being uploaded.
        sandbox.setLatency(Duration.ofMillis(150));
        CompletableFuture<JobExecution> running = CompletableFuture.supplyAsync(() -> {
            try {
                return jobs.send(input, LocalDate.of(2026, 11, 28));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitTrue(() -> jdbc.queryForObject("SELECT COUNT(*) FROM upload_partition WHERE state = 'WAITING'",
                Integer.class) == 2, "the partitions were sent");
        fixture.startWorker("late-worker", Map.of());
        awaitTrue(() -> jdbc.queryForObject("SELECT COUNT(*) FROM upload_partition WHERE state = 'RUNNING'",
                Integer.class) > 0, "a partition was claimed");

        restartBroker();
        fixture.startWorker("after-restart", Map.of());
        JobExecution run = running.get(3, TimeUnit.MINUTES);

        assertThat(run.getStatus()).as(() -> fixture.failures(run)).isEqualTo(BatchStatus.COMPLETED);
        for (int i = 1; i <= 6; i++) {
            fixture.assertReceivedAsSent("W-" + i, "file-" + i + ".bin");
        }
        assertThat(partitions.of(run.getId())).hasSize(2).allSatisfy(partition ->
                assertThat(partition.outcome()).isEqualTo("COMPLETED"));
    }


    @Test
    void aWorkerShutDownInTheMiddleOfAPartitionHandsItBackAndAnotherFinishesIt() throws Exception {
        Path input = fixture.sixTransfers();
        sandbox.setLatency(Duration.ofMillis(150));
        var leaving = fixture.startWorker("leaving", Map.of()).getBean(WorkerProcess.class);
        CompletableFuture<JobExecution> running = CompletableFuture.supplyAsync(() -> {
            try {
                return jobs.send(input, LocalDate.of(2026, 11, 29));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitTrue(() -> jdbc.queryForObject("SELECT COUNT(*) FROM upload_partition WHERE worker = 'leaving' AND "
                + "state = 'RUNNING'", Integer.class) > 0, "the leaving worker runs a partition");
        String handedBack = jdbc.queryForObject("SELECT partition_name FROM upload_partition WHERE worker = "
                + "'leaving' AND state = 'RUNNING'", String.class);

        // As on SIGTERM: returns once the partition stopped after its chunk in flight and went back to the queue.
        leaving.shutDown();
        assertThat(jdbc.queryForObject("SELECT state FROM upload_partition WHERE partition_name = ?", String.class,
                handedBack)).isEqualTo("WAITING");
        fixture.startWorker("staying", Map.of());
        JobExecution run = running.get(3, TimeUnit.MINUTES);

        assertThat(run.getStatus()).as(() -> fixture.failures(run)).isEqualTo(BatchStatus.COMPLETED);
        for (int i = 1; i <= 6; i++) {
            fixture.assertReceivedAsSent("W-" + i, "file-" + i + ".bin");
        }
        assertThat(jdbc.queryForMap("SELECT worker, attempts, outcome FROM upload_partition WHERE partition_name = ?",
                handedBack)).containsEntry("worker", "staying").containsEntry("attempts", 2)
                .containsEntry("outcome", "COMPLETED");
    }

    /** Stops and starts the machine's RabbitMQ application (the Erlang node stays up), as an operator's restart. */
    private static void restartBroker() throws Exception {
        for (String action : List.of("stop_app", "start_app")) {
            Process rabbitmqctl = new ProcessBuilder("rabbitmqctl", action).redirectErrorStream(true).start();
            String output = new String(rabbitmqctl.getInputStream().readAllBytes());
            assertThat(rabbitmqctl.waitFor(60, TimeUnit.SECONDS)).as("rabbitmqctl " + action).isTrue();
            assertThat(rabbitmqctl.exitValue()).as("rabbitmqctl " + action + ": " + output).isZero();
        }
    }

    private void awaitTrue(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(() -> "waiting until " + what + ": " + jdbc.queryForList(
                    "SELECT * FROM upload_partition") + jdbc.queryForList("SELECT step_execution_id, step_name, status "
                    + "FROM batch_step_execution")).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
