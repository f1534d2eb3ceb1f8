package com.filemailbatch.bench;

import com.filemailbatch.FilemailBatchApplication;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxOptions;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.send.SendJobParameters;
import com.filemailbatch.workers.UploadPartition;
import com.filemailbatch.workers.UploadPartitions;
import com.filemailbatch.workers.WorkerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The workers figure: the real {@code sendTransfersJob} with {@code filemail.workers.enabled}, its uploads spread over
 * k = 1, 2, … worker contexts in this JVM, each its own Spring context and so its own upload cap
 * ({@code filemail.upload.max-bytes-per-second}, standing in for its machine's uplink); the manager and the workers
 * share a throwaway PostgreSQL database ({@link BenchDatabase}) and a RabbitMQ queue of this run's own
 * ({@code spring.rabbitmq.*}, localhost by default). Each pass delivers {@code filesPerWorker} files per worker, one
 * transfer and one partition each, to a sandbox that counts the bytes; its figure is the bytes over the manager's
 * upload step's duration, against k × cap.
 */
final class WorkersBenchmark implements AutoCloseable {

    private final WorkersSettings settings;
    private final Path dir;
    private final PrintStream stdout;
    private final String queue = "filemail-batch.bench-" + UUID.randomUUID().toString().substring(0, 8);
    private final String secret = UUID.randomUUID().toString();
    private final List<ConfigurableApplicationContext> workers = new ArrayList<>();
    private BenchDatabase database;
    private FilemailSandbox sandbox;
    private ConfigurableApplicationContext manager;

    private WorkersBenchmark(WorkersSettings settings, Path dir, PrintStream stdout) {
        this.settings = settings;
        this.dir = dir;
        this.stdout = stdout;
    }

    static WorkersFigures run(WorkersSettings settings, Path dir, PrintStream stdout) throws Exception {
        try (WorkersBenchmark bench = new WorkersBenchmark(settings, dir, stdout)) {
            return bench.measure();
        }
    }

    private WorkersFigures measure() throws Exception {
        stdout.printf(Locale.ROOT, "  workers: 1 to %d worker contexts in this JVM, each capped at %,d B/s, %d files "
                + "of %d MiB per worker and pass, on PostgreSQL and RabbitMQ queue %s...%n", settings.maxWorkers(),
                settings.capBytesPerSecond(), settings.filesPerWorker(), settings.fileMib(), queue);
        database = BenchDatabase.create();
        sandbox = FilemailSandbox.start(SandboxOptions.defaults().countingUploadsOnly());
        manager = context("manager", List.of());
        checkBroker();
        List<Path> files = files(settings.maxWorkers() * settings.filesPerWorker());
        List<WorkersFigures.Pass> passes = new ArrayList<>();
        for (int k = 1; k <= settings.maxWorkers(); k++) {
            startWorker(k);
            WorkersFigures.Pass pass = pass(k, files.subList(0, k * settings.filesPerWorker()));
            stdout.println("    " + pass.line());
            passes.add(pass);
        }
        return new WorkersFigures(settings.capBytesPerSecond(), settings.filesPerWorker(), settings.fileBytes(),
                passes);
    }

    static void print(WorkersFigures figures, PrintStream stdout) {
        stdout.printf(Locale.ROOT, "  %-24s each capped at %.2f MB/s, %d files of %.1f MB per worker; upload step, "
                + "delivered / k x cap%n", "workers", figures.capBytesPerS() / 1e6, figures.filesPerWorker(),
                figures.fileBytes() / 1e6);
        figures.passes().forEach(pass -> stdout.println("    " + pass.line()));
    }

    private List<Path> files(int count) throws IOException {
        Path file = UploadBaseline.generateFile(Files.createDirectories(dir).resolve("file-1.bin"),
                settings.fileBytes());
        List<Path> files = new ArrayList<>(List.of(file));
        for (int i = 2; i <= count; i++) {
            files.add(Files.copy(file, dir.resolve("file-" + i + ".bin")));
        }
        return files;
    }

    /** One pass: a new run whose rows name {@code files}, one per row; its upload step timed, every byte checked. */
    private WorkersFigures.Pass pass(int k, List<Path> files) throws Exception {
        Path csv = dir.resolve("workers-" + k + ".csv");
        try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            writer.write("reference,subject,to,files\n");
            for (int i = 0; i < files.size(); i++) {
                writer.write("W" + k + "-" + i + ",Workers benchmark,w" + i + "@example.com,"
                        + files.get(i).getFileName() + "\n");
            }
        }
        CompilerQuiet.await();
        JobExecution run = manager.getBean(JobOperator.class).start(manager.getBean("sendTransfersJob", Job.class),
                SendJobParameters.of(csv, LocalDate.now(), Duration.ofDays(1), false));
        StepExecution upload = run.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals("uploadTransfersStep")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the run did no uploadTransfersStep: " + run));
        long bytes = files.size() * settings.fileBytes();
        checkDelivered(run, upload, files.size());
        List<UploadPartition> partitions = manager.getBean(UploadPartitions.class).of(run.getId());
        Map<String, Long> byWorker = new TreeMap<>();
        partitions.forEach(p -> byWorker.merge(p.worker() == null ? "-" : p.worker(), p.bytesSent(), Long::sum));
        sandbox.reset();
        double seconds = Duration.between(upload.getStartTime(), upload.getEndTime()).toNanos() / 1e9;
        return WorkersFigures.Pass.of(k, files.size(), partitions.size(), bytes, seconds,
                settings.capBytesPerSecond(), byWorker);
    }

    /** A run that failed its uploads still ends: the figure counts only if the sandbox got every file whole. */
    private void checkDelivered(JobExecution run, StepExecution upload, int transfers) {
        long complete = sandbox.transfers().stream().filter(t -> t.status() == SandboxTransfer.Status.COMPLETED
                && t.files().size() == 1 && t.files().get(0).complete()
                && t.files().get(0).size() == settings.fileBytes()).count();
        if (upload.getStatus() != BatchStatus.COMPLETED || complete != transfers) {
            throw new IllegalStateException("the workers did not deliver every benchmark file (" + complete + " of "
                    + transfers + " complete; upload step " + upload.getStatus() + " "
                    + upload.getExitStatus().getExitDescription() + "; run " + run.getStatus() + ")");
        }
    }

    private void checkBroker() {
        try {
            manager.getBean(ConnectionFactory.class).createConnection().close();
        } catch (AmqpException e) {
            throw new BenchUnavailableException("bench --workers needs RabbitMQ, and cannot reach it with "
                    + "spring.rabbitmq.* (default localhost:5672, guest): " + e.getMessage());
        }
    }

    private void startWorker(int k) {
        ConfigurableApplicationContext worker = context("worker-" + k, List.of(
                "--filemail.workers.worker-process=true", "--filemail.workers.name=bench-worker-" + k,
                "--filemail.upload.max-bytes-per-second=" + settings.capBytesPerSecond() + "B"));
        workers.add(worker);
        worker.getBean(WorkerProcess.class).start();
    }

    private ConfigurableApplicationContext context(String name, List<String> more) {
        Path data = dir.resolve(name);
        List<String> arguments = new ArrayList<>(List.of(database.properties()));
        URI baseUrl = sandbox.baseUrl();
        arguments.addAll(List.of("--filemail.base-url=" + baseUrl, "--filemail.api-key=" + sandbox.apiKey(),
                "--filemail.data-dir=" + data, "--filemail.reports-dir=" + data.resolve("reports"),
                "--filemail.batch.secret=" + secret, "--filemail.workers.enabled=true",
                "--filemail.workers.queue=" + queue,
                // Every transfer its own partition, for any k: the workers share them out evenly.
                "--filemail.workers.partitions=" + settings.maxWorkers() * settings.filesPerWorker(),
                // The manager notices the last partition's end sooner than with the default 2 s.
                "--filemail.workers.poll-interval=100ms"));
        arguments.addAll(more);
        return new SpringApplicationBuilder(FilemailBatchApplication.class).logStartupInfo(false)
                .run(arguments.toArray(String[]::new));
    }

    @Override
    public void close() {
        for (ConfigurableApplicationContext worker : workers) {
            worker.getBean(WorkerProcess.class).shutDown();
            worker.close();
        }
        if (manager != null) {
            try {
                manager.getBean(AmqpAdmin.class).deleteQueue(queue);
            } catch (AmqpException e) {
                // The broker went away: the queue is named filemail-batch.bench-*.
            }
            manager.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
