package com.filemailbatch.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.FilemailBatchApplication;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxFile;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.FilemailBatchPostgresTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
@TestPropertySource(properties = {"filemail.upload.chunk-size=5MB", "filemail.workers.enabled=true",
        "filemail.workers.partitions=4", "filemail.workers.poll-interval=100ms", "filemail.workers.heartbeat=200ms",
        "filemail.workers.lost-after=2s", "filemail.workers.wait-for-workers=3s",
        // The manager and its workers share one PostgreSQL server with the other test classes running at once.
        "spring.datasource.hikari.maximum-pool-size=8"})
class WorkersJobTest {

    private static final int MIB = 1024 * 1024;
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

    private final List<ConfigurableApplicationContext> workers = new ArrayList<>();

    @BeforeEach
    void cleanSlate() {
        TestData.reset(jdbc, sandbox);
        jdbc.update("DELETE FROM upload_partition");
        amqpAdmin.purgeQueue(QUEUE, false);
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(worker -> {
            worker.getBean(WorkerProcess.class).shutDown();
            worker.close();
        });
        workers.clear();
    }

    @Test
    void twoWorkersDeliverEveryTransferAndTheBytesThatArriveAreTheSourceBytes() throws Exception {
        startWorker("worker-a", Map.of());
        startWorker("worker-b", Map.of());
        Path input = sixTransfers();

        JobExecution run = jobs.send(input, LocalDate.of(2026, 11, 25));

        assertThat(run.getStatus()).as(() -> failures(run)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestData.ledgerStatuses(jdbc)).hasSize(6).allSatisfy((reference, status) ->
                assertThat(status).as(reference).isEqualTo("COMPLETED"));
        for (int i = 1; i <= 6; i++) {
            assertReceivedAsSent("W-" + i, "file-" + i + ".bin");
        }
        List<UploadPartition> recorded = partitions.of(run.getId());
        assertThat(recorded).hasSize(4).allSatisfy(partition -> {
            assertThat(partition.state()).isEqualTo(PartitionState.ENDED);
            assertThat(partition.outcome()).isEqualTo("COMPLETED");
            assertThat(partition.worker()).isIn("worker-a", "worker-b");
            assertThat(partition.partitionName()).startsWith("run" + run.getId() + "-p");
        });
        assertThat(recorded.stream().mapToInt(UploadPartition::transfers).sum()).isEqualTo(6);
        assertThat(recorded.stream().mapToLong(UploadPartition::bytesSent).sum()).isEqualTo(totalBytes());
        // The manager's step sums its partitions: six transfers read and written.
        var uploadStep = run.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals("uploadTransfersStep")).findFirst().orElseThrow();
        assertThat(uploadStep.getWriteCount()).isEqualTo(6);
    }

    @Test
    void withNoWorkerTheRunFailsAfterTheWaitAndTheSameRunResumesOnceAWorkerIsThere() throws Exception {
        Path input = sixTransfers();

        JobExecution first = jobs.send(input, LocalDate.of(2026, 11, 26));

        assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(first.getAllFailureExceptions()).anySatisfy(failure -> assertThat(failure)
                .hasMessageContaining("no worker took any of run " + first.getId() + "'s upload partitions within 3s")
                .hasMessageContaining("filemail-batch worker"));
        assertThat(partitions.of(first.getId())).hasSize(4)
                .allSatisfy(partition -> assertThat(partition.state()).isEqualTo(PartitionState.WITHDRAWN));
        assertThat(TestData.ledgerStatuses(jdbc)).containsValue("INITIALIZED").doesNotContainValue("COMPLETED");

        // The withdrawn requests are still in the queue: the worker drops them (their run is over), then takes the
        // restarted run's.
        startWorker("late-worker", Map.of());
        JobExecution second = jobOperator.restart(first);

        assertThat(second.getStatus()).as(() -> failures(second)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestData.ledgerStatuses(jdbc)).hasSize(6).allSatisfy((reference, status) ->
                assertThat(status).as(reference).isEqualTo("COMPLETED"));
        for (int i = 1; i <= 6; i++) {
            assertReceivedAsSent("W-" + i, "file-" + i + ".bin");
        }
        assertThat(partitions.of(second.getId())).allSatisfy(partition ->
                assertThat(partition.worker()).isEqualTo("late-worker"));
    }

    @Test
    void aWorkerRefusesARequestOfAnotherReleaseLeavesItQueuedAndEnds() throws Exception {
        ConfigurableApplicationContext worker = startWorker("old-worker", Map.of());
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
        ConfigurableApplicationContext stranger = startWorker("stranger", Map.of("spring.datasource.url",
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
        Path input = sixTransfers();

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

    /** What went wrong, for the message of a failed assertion. */
    private String failures(JobExecution run) {
        return run.getAllFailureExceptions() + " " + run.getStepExecutions().stream().map(step -> step.getStepName()
                + "=" + step.getStatus() + " " + step.getExitStatus().getExitDescription()).toList() + " partitions "
                + partitions.of(run.getId());
    }

    private ConfigurableApplicationContext startWorker(String name, Map<String, String> overrides) {
        List<String> properties = new ArrayList<>();
        for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "filemail.base-url", "filemail.api-key", "filemail.data-dir", "filemail.reports-dir",
                "filemail.upload.chunk-size", "filemail.workers.poll-interval", "filemail.workers.heartbeat",
                "filemail.workers.lost-after", "filemail.workers.queue")) {
            if (!overrides.containsKey(key)) {
                properties.add("--" + key + "=" + environment.getProperty(key, ""));
            }
        }
        overrides.forEach((key, value) -> properties.add("--" + key + "=" + value));
        properties.add("--spring.datasource.hikari.maximum-pool-size=6");
        properties.add("--filemail.workers.enabled=true");
        properties.add("--filemail.workers.worker-process=true");
        properties.add("--filemail.workers.name=" + name);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FilemailBatchApplication.class)
                .web(WebApplicationType.NONE)
                // As command-line arguments: they win over the test JVM's own settings, as the worker command's do.
                .run(properties.toArray(String[]::new));
        context.getBean(WorkerProcess.class).start();
        workers.add(context);
        return context;
    }

    private Path sixTransfers() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("reference,subject,to,files");
        for (int i = 1; i <= 6; i++) {
            write("file-" + i + ".bin", size(i));
            lines.add("W-" + i + ",Worker file " + i + ",ann@example.com,file-" + i + ".bin");
        }
        return TestData.csv(dir, "workers.csv", lines.toArray(String[]::new));
    }

    /** Two files above one 5 MiB chunk, the others small. */
    private static int size(int i) {
        return i <= 2 ? 5 * MIB + 1000 * i : 10_000 * i;
    }

    private static long totalBytes() {
        long total = 0;
        for (int i = 1; i <= 6; i++) {
            total += size(i);
        }
        return total;
    }

    private void assertReceivedAsSent(String reference, String file) throws Exception {
        String transferId = jdbc.queryForObject("SELECT transfer_id FROM transfer_ledger WHERE reference = ?",
                String.class, reference);
        SandboxTransfer transfer = sandbox.transfers().stream().filter(t -> t.id().equals(transferId)).findFirst()
                .orElseThrow();
        assertThat(transfer.status()).as(reference).isEqualTo(SandboxTransfer.Status.COMPLETED);
        assertThat(transfer.files().stream().collect(Collectors.toMap(SandboxFile::name, SandboxFile::sha256)))
                .isEqualTo(Map.of(file, sha256(dir.resolve(file))));
    }

    private void write(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(name.hashCode()).nextBytes(bytes);
        Files.write(dir.resolve(name), bytes);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
