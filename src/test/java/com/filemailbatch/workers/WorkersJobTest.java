package com.filemailbatch.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.support.FilemailBatchPostgresTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * sendTransfersJob with its uploads spread over workers: the real RabbitMQ (127.0.0.1:5672) and PostgreSQL, the
 * manager this test's context, the workers further Spring contexts of the application in this JVM (each its own
 * process as far as the application can tell: its own beans, bandwidth cap and broker connection). Killed worker
 * processes are the subject of {@code WorkersIT}, with the packaged jar.
 */
@FilemailBatchPostgresTest
@EnabledIf(value = "com.filemailbatch.support.RabbitMqServer#available",
        disabledReason = "no RabbitMQ at 127.0.0.1:5672")
@TestPropertySource(properties = {"filemail.upload.chunk-size=5MB", "filemail.workers.enabled=true",
        "filemail.workers.partitions=4", "filemail.workers.poll-interval=100ms", "filemail.workers.heartbeat=200ms",
        "filemail.workers.lost-after=2s", "filemail.workers.wait-for-workers=3s",
        // The manager and its workers share one PostgreSQL server with the other test classes running at once.
        "spring.datasource.hikari.maximum-pool-size=8"})
class WorkersJobTest {

    /** Each test class its own queue: nothing of another run of the suite can reach it. */
    private static final String QUEUE = "filemail-batch.test." + UUID.randomUUID();

    @DynamicPropertySource
    static void queue(DynamicPropertyRegistry registry) {
        registry.add("filemail.workers.queue", () -> QUEUE);
    }

    @Autowired
    JobRuns jobs;

    @Autowired
    JobOperator jobOperator;

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

    @Autowired
    AmqpTemplate amqpTemplate;

    @TempDir
    Path dir;

    private WorkerFixture fixture;

    @BeforeEach
    void cleanSlate() {
        fixture = new WorkerFixture(environment, jdbc, sandbox, partitions, dir);
        TestData.reset(jdbc, sandbox);
        sandbox.setLatency(java.time.Duration.ZERO);
        jdbc.update("DELETE FROM upload_partition");
        amqpAdmin.purgeQueue(QUEUE, false);
    }

    @AfterEach
    void stopWorkers() {
        fixture.stopWorkers();
    }

    @Test
    void twoWorkersDeliverEveryTransferAndTheBytesThatArriveAreTheSourceBytes() throws Exception {
        fixture.startWorker("worker-a", Map.of());
        fixture.startWorker("worker-b", Map.of());
        Path input = fixture.sixTransfers();

        JobExecution run = jobs.send(input, LocalDate.of(2026, 11, 25));

        assertThat(run.getStatus()).as(() -> fixture.failures(run)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestData.ledgerStatuses(jdbc)).hasSize(6).allSatisfy((reference, status) ->
                assertThat(status).as(reference).isEqualTo("COMPLETED"));
        for (int i = 1; i <= 6; i++) {
            fixture.assertReceivedAsSent("W-" + i, "file-" + i + ".bin");
        }
        List<UploadPartition> recorded = partitions.of(run.getId());
        assertThat(recorded).hasSize(4).allSatisfy(partition -> {
            assertThat(partition.state()).isEqualTo(PartitionState.ENDED);
            assertThat(partition.outcome()).isEqualTo("COMPLETED");
            assertThat(partition.worker()).isIn("worker-a", "worker-b");
            assertThat(partition.partitionName()).startsWith("run" + run.getId() + "-p");
        });
        assertThat(recorded.stream().mapToInt(UploadPartition::transfers).sum()).isEqualTo(6);
        assertThat(recorded.stream().mapToLong(UploadPartition::bytesSent).sum()).isEqualTo(WorkerFixture.totalBytes());
        // The manager's step sums its partitions: six transfers read and written.
        var uploadStep = run.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals("uploadTransfersStep")).findFirst().orElseThrow();
        assertThat(uploadStep.getWriteCount()).isEqualTo(6);
    }

    @Test
    void withNoWorkerTheRunFailsAfterTheWaitAndTheSameRunResumesOnceAWorkerIsThereFailingOnlyAMissingFile() throws Exception {
        Path input = fixture.sixTransfers();

        JobExecution first = jobs.send(input, LocalDate.of(2026, 11, 26));

        assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(first.getAllFailureExceptions()).anySatisfy(failure -> assertThat(failure)
                .hasMessageContaining("no worker took any of run " + first.getId() + "'s upload partitions within 3s")
                .hasMessageContaining("filemail-batch worker"));
        assertThat(partitions.of(first.getId())).hasSize(4)
                .allSatisfy(partition -> assertThat(partition.state()).isEqualTo(PartitionState.WITHDRAWN));
        assertThat(TestData.ledgerStatuses(jdbc)).containsValue("INITIALIZED").doesNotContainValue("COMPLETED");

        // The withdrawn requests are still in the queue: the worker drops them (their run is over), then takes the
        // restarted run's. Meanwhile one file went from the storage: the worker fails that transfer, not the run.
        Files.delete(dir.resolve("file-6.bin"));
        fixture.startWorker("late-worker", Map.of());
        JobExecution second = jobOperator.restart(first);

        assertThat(second.getStatus()).as(() -> fixture.failures(second)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestData.ledgerStatuses(jdbc)).hasSize(6).allSatisfy((reference, status) ->
                assertThat(status).as(reference).isEqualTo(reference.equals("W-6") ? "UPLOADING" : "COMPLETED"));
        assertThat(jdbc.queryForObject("SELECT last_error_message FROM transfer_ledger WHERE reference = 'W-6'",
                String.class)).contains("file-6.bin is not uploaded");
        for (int i = 1; i <= 5; i++) {
            fixture.assertReceivedAsSent("W-" + i, "file-" + i + ".bin");
        }
        assertThat(partitions.of(second.getId())).allSatisfy(partition ->
                assertThat(partition.worker()).isEqualTo("late-worker"));
    }

    @Test
    void aWorkerRefusesARequestOfAnotherReleaseLeavesItQueuedAndEnds() throws Exception {
        ConfigurableApplicationContext worker = fixture.startWorker("old-worker", Map.of());
        WorkerProcess process = worker.getBean(WorkerProcess.class);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return process.awaitExit();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        String database = worker.getBean(DatabaseIdentity.class).id();
        amqpTemplate.send("", QUEUE, MessageBuilder.withBody(("{\"stepName\":\"uploadPartitionStep\","
                + "\"stepExecutionId\":1,\"jobExecutionId\":1,\"version\":\"0.0.1-other\",\"database\":\"" + database
                + "\"}").getBytes()).build());

        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(78);
        process.shutDown();
        assertThat(amqpAdmin.getQueueInfo(QUEUE).getMessageCount()).isEqualTo(1);
    }

    @Test
    void aWorkerOfAnotherDatabaseRefusesThePartitionsAndTouchesNothing() throws Exception {
        ConfigurableApplicationContext stranger = fixture.startWorker("stranger", Map.of("spring.datasource.url",
                "jdbc:h2:file:" + dir.resolve("other-db"), "spring.datasource.username", "sa",
                "filemail.data-dir", dir.resolve("other-data").toString()));
        WorkerProcess process = stranger.getBean(WorkerProcess.class);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return process.awaitExit();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Path input = fixture.sixTransfers();

        JobExecution run = jobs.send(input, LocalDate.of(2026, 11, 27));

        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(78);
        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(partitions.of(run.getId())).allSatisfy(partition -> {
            assertThat(partition.state()).isEqualTo(PartitionState.WITHDRAWN);
            assertThat(partition.worker()).isNull();
        });
        assertThat(TestData.ledgerStatuses(jdbc)).doesNotContainValue("COMPLETED");
        assertThat(sandbox.requests()).noneMatch(request -> request.path().equals("/savefile.ashx"));
    }

}
