package com.filemailbatch.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.FilemailBatchApplication;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxFile;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the workers' tests share: worker processes as further Spring contexts of the application in the test's JVM
 * (each its own beans, bandwidth cap and broker connection, as a process of its own would have), on the test
 * context's database, stand-in, data directory and queue; six transfers to deliver, and their digests at the
 * stand-in.
 */
final class WorkerFixture {

    private static final int MIB = 1024 * 1024;

    private final Environment environment;
    private final JdbcTemplate jdbc;
    private final FilemailSandbox sandbox;
    private final UploadPartitions partitions;
    private final Path dir;
    private final List<ConfigurableApplicationContext> workers = new ArrayList<>();

    WorkerFixture(Environment environment, JdbcTemplate jdbc, FilemailSandbox sandbox, UploadPartitions partitions,
            Path dir) {
        this.environment = environment;
        this.jdbc = jdbc;
        this.sandbox = sandbox;
        this.partitions = partitions;
        this.dir = dir;
    }

    void stopWorkers() {
        workers.forEach(worker -> {
            worker.getBean(WorkerProcess.class).shutDown();
            worker.close();
        });
        workers.clear();
    }

    /** What went wrong, for the message of a failed assertion. */
    String failures(JobExecution run) {
        return run.getAllFailureExceptions() + " " + run.getStepExecutions().stream().map(step -> step.getStepName()
                + "=" + step.getStatus() + " " + step.getExitStatus().getExitDescription()).toList() + " partitions "
                + partitions.of(run.getId());
    }

    ConfigurableApplicationContext startWorker(String name, Map<String, String> overrides) {
        List<String> properties = new ArrayList<>();
        for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "filemail.base-url", "filemail.api-key", "filemail.data-dir", "filemail.reports-dir",
                "filemail.upload.chunk-size", "filemail.concurrency", "filemail.workers.poll-interval",
                "filemail.workers.heartbeat", "filemail.workers.lost-after", "filemail.workers.queue")) {
            String value = environment.getProperty(key);
            if (value != null && !overrides.containsKey(key)) {
                properties.add("--" + key + "=" + value);
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

    Path sixTransfers() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("reference,subject,to,files");
        for (int i = 1; i <= 6; i++) {
            write("file-" + i + ".bin", size(i));
            lines.add("W-" + i + ",Worker file " + i + ",ann@example.com,file-" + i + ".bin");
        }
        return TestData.csv(dir, "workers.csv", lines.toArray(String[]::new));
    }

    /** Two files above one 5 MiB chunk, the others small. */
    static int size(int i) {
        return i <= 2 ? 5 * MIB + 1000 * i : 10_000 * i;
    }

    static long totalBytes() {
        long total = 0;
        for (int i = 1; i <= 6; i++) {
            total += size(i);
        }
        return total;
    }

    void assertReceivedAsSent(String reference, String file) throws Exception {
        String transferId = jdbc.queryForObject("SELECT transfer_id FROM transfer_ledger WHERE reference = ?",
                String.class, reference);
        SandboxTransfer transfer = sandbox.transfers().stream().filter(t -> t.id().equals(transferId)).findFirst()
                .orElseThrow();
        assertThat(transfer.status()).as(reference).isEqualTo(SandboxTransfer.Status.COMPLETED);
        assertThat(transfer.files().stream().collect(Collectors.toMap(SandboxFile::name, SandboxFile::sha256)))
                .isEqualTo(Map.of(file, sha256(dir.resolve(file))));
    }

    void write(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(name.hashCode()).nextBytes(bytes);
        Files.write(dir.resolve(name), bytes);
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
