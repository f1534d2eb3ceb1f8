package com.filemailbatch.bench;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxOptions;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.upload.FileUploader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark run: a generated CSV, the sandbox with a fixed latency; with a warm-up, each side's cold pass in a JVM
 * of its own ({@link ColdPasses}) and then its unmeasured pass in this one; the real job, then the baseline loop; then
 * the memory of the {@code run} command for N and 10 × N rows, each in a child JVM against this sandbox with no
 * latency (memory does not depend on it, and the runs end sooner); then the upload of one generated file by the
 * job and by a plain client, again with no latency; then, when asked for, the dashboard's pages on a generated
 * long-lived installation's data ({@link DashboardBenchmark}), and the uploads spread over 1, 2, … capped workers
 * ({@link WorkersBenchmark}); then the figures.
 */
public final class Benchmark {

    private final int rows;
    private final int warmupRows;
    private final int latencyMs;
    private final int concurrency;
    private final int memoryRows;
    private final int memoryMaxHeapMb;
    private final UploadSettings upload;
    private final DashboardSettings dashboard;
    private final WorkersSettings workers;
    private final ColdSettings coldSettings;
    private final Path out;
    private final PrintStream stdout;

    /**
     * @param warmupRows      rows each side runs once, unmeasured, before its measured pass (0: none)
     * @param memoryRows      N of the memory figures (0: not measured)
     * @param memoryMaxHeapMb the measured children's -Xmx
     * @param upload          the upload figure's file size, passes and sandbox
     * @param dashboard       the dashboard figure's dataset and requests (null: not measured)
     * @param workers         the workers figure's workers, cap and files (null: not measured)
     * @param coldSettings    the cold passes' count and their children's JVM options
     */
    public Benchmark(int rows, int warmupRows, int latencyMs, int concurrency, int memoryRows, int memoryMaxHeapMb,
            UploadSettings upload, DashboardSettings dashboard, WorkersSettings workers, ColdSettings coldSettings,
            Path out, PrintStream stdout) {
        this.coldSettings = coldSettings;
        this.rows = rows;
        this.dashboard = dashboard;
        this.workers = workers;
        this.warmupRows = warmupRows;
        this.upload = upload;
        this.memoryRows = memoryRows;
        this.memoryMaxHeapMb = memoryMaxHeapMb;
        this.latencyMs = latencyMs;
        this.concurrency = concurrency;
        this.out = out;
        this.stdout = stdout;
    }

    public BenchResult run() throws Exception {
        Path work = Files.createTempDirectory("filemail-bench-");
        try (FilemailSandbox sandbox = FilemailSandbox.start()) {
            sandbox.setLatency(Duration.ofMillis(latencyMs));
            Path csv = writeCsv(work.resolve("bench.csv"), rows);
            stdout.printf(Locale.ROOT, "Benchmark: %,d rows, %d ms latency, concurrency %d (sandbox, this machine: "
                    + "%d cores)%n", rows, latencyMs, concurrency, Runtime.getRuntime().availableProcessors());
            Throughput warmupJob = null;
            Throughput warmupBaseline = null;
            ColdPasses.Figures cold = null;
            if (warmupRows > 0) {
                Path warmup = Files.createDirectories(work.resolve("warmup"));
                Path warmupCsv = writeCsv(warmup.resolve("warmup.csv"), warmupRows);
                stdout.printf(Locale.ROOT, "  cold passes: the sandbox warmed up, then %,d rows through the job and "
                        + "the plain client, each in a new JVM, %d of each (JVM options: %s)...%n", warmupRows,
                        coldSettings.passes(), coldSettings.jvmOptions().isEmpty() ? "none"
                                : String.join(" ", coldSettings.jvmOptions()));
                cold = ColdPasses.run(sandbox, Duration.ofMillis(latencyMs), warmupCsv, warmupRows, concurrency,
                        coldSettings, Files.createDirectories(work.resolve("cold")));
                stdout.printf(Locale.ROOT, "  warm-up: %,d rows through the job, then the plain client, in this JVM "
                        + "(not measured)...%n", warmupRows);
                warmupJob = JobBenchmark.initialize(sandbox.baseUrl(), sandbox.apiKey(), warmupCsv, concurrency,
                        warmup);
                resetSandbox(sandbox);
                warmupBaseline = BaselineClient.initialize(sandbox.baseUrl(), sandbox.apiKey(), warmupRows,
                        concurrency);
                resetSandbox(sandbox);
            }
            Throughput job = JobBenchmark.initialize(sandbox.baseUrl(), sandbox.apiKey(), csv, concurrency, work);
            resetSandbox(sandbox);
            CompilerQuiet.await();
            Throughput baseline = BaselineClient.initialize(sandbox.baseUrl(), sandbox.apiKey(), rows, concurrency);
            double ceiling = latencyMs == 0 ? Double.NaN : concurrency / (latencyMs / 1000.0);
            MemoryBenchmark.Memory n = null;
            MemoryBenchmark.Memory tenN = null;
            if (memoryRows > 0) {
                n = memory(sandbox, work.resolve("memory-n"), memoryRows);
                tenN = memory(sandbox, work.resolve("memory-10n"), 10 * memoryRows);
            }
            Upload upload = this.upload.megabytes() > 0 ? upload(work.resolve("upload")) : null;
            DashboardFigures dashboard = this.dashboard == null ? null
                    : DashboardBenchmark.run(this.dashboard, Files.createDirectories(work.resolve("dashboard")), stdout);
            WorkersFigures workers = this.workers == null ? null
                    : WorkersBenchmark.run(this.workers, work.resolve("workers"), stdout);
            BenchResult result = new BenchResult(rows, latencyMs, concurrency, job.rowsPerS(), baseline.rowsPerS(),
                    ceiling, n == null ? null : n.heapPeakMb(), tenN == null ? null : tenN.heapPeakMb(),
                    upload == null ? null : upload.job().rowsPerS(),
                    upload == null ? null : upload.baseline().rowsPerS(),
                    job.cpuMsPerRow(), baseline.cpuMsPerRow(), n == null ? null : memoryRows,
                    n == null ? null : memoryMaxHeapMb, n == null ? null : n.heapUsedPeakMb(),
                    tenN == null ? null : tenN.heapUsedPeakMb(), n == null ? null : n.rssPeakMb(),
                    tenN == null ? null : tenN.rssPeakMb(), upload == null ? null : upload.job().cpuMsPerRow(),
                    upload == null ? null : upload.baseline().cpuMsPerRow(), warmupRows,
                    warmupJob == null ? null : warmupJob.rowsPerS(),
                    warmupBaseline == null ? null : warmupBaseline.rowsPerS(),
                    upload == null ? null : this.upload.passes(),
                    upload == null ? null : this.upload.sandboxStores(),
                    upload == null ? null : Throughput.rates(upload.jobPasses()),
                    upload == null ? null : Throughput.rates(upload.baselinePasses()),
                    cold == null ? null : cold.job().rowsPerS(), cold == null ? null : cold.baseline().rowsPerS(),
                    cold == null ? null : cold.job().cpuMsPerRow(),
                    cold == null ? null : cold.baseline().cpuMsPerRow(), cold == null ? null : coldSettings.passes(),
                    cold == null ? null : Throughput.rates(cold.jobPasses()),
                    cold == null ? null : Throughput.rates(cold.baselinePasses()), dashboard, workers);
            print(result);
            write(result);
            return result;
        } finally {
            deleteQuietly(work);
        }
    }

    /** Forgets the transfers made so far (a pass must not search or store among the previous pass's). */
    private void resetSandbox(FilemailSandbox sandbox) {
        sandbox.reset();
        sandbox.setLatency(Duration.ofMillis(latencyMs));
    }

    private MemoryBenchmark.Memory memory(FilemailSandbox sandbox, Path dir, int memoryRows) throws Exception {
        sandbox.reset();
        sandbox.setLatency(Duration.ZERO);
        Files.createDirectories(dir);
        stdout.printf(Locale.ROOT, "  memory: running %,d rows in a child JVM (-Xmx%dm)...%n", memoryRows,
                memoryMaxHeapMb);
        MemoryBenchmark.Memory memory = MemoryBenchmark.run(sandbox.baseUrl(), sandbox.apiKey(),
                writeCsv(dir.resolve("memory.csv"), memoryRows), concurrency, memoryMaxHeapMb, dir);
        sandbox.reset();
        return memory;
    }

    /**
     * The job delivers one row naming the generated file (its uploadTransfersStep timed), and the plain client
     * posts the same file in the same chunks (the job's default chunk size) to a transfer it initializes: after two
     * warm-up passes of each, {@code passes} measured passes of each, interleaved, and each side's median. No
     * latency: the sandbox's latency delays every answer, uploaded chunks included, and the figure is about moving
     * bytes. The file is written once and forced to disk before either side, and all passes read it from the page
     * cache alike.
     */
    private Upload upload(Path dir) throws Exception {
        Files.createDirectories(dir);
        long bytes = upload.megabytes() * 1024L * 1024L;
        stdout.printf(Locale.ROOT, "  upload: generating a %,d MiB file, then the job and the plain client upload it "
                + "in %d MiB chunks, %d measured passes each, to a sandbox that %s (no latency)...%n",
                upload.megabytes(), FileUploader.DEFAULT_CHUNK_SIZE >> 20, upload.passes(), sandboxDoes());
        Path file = UploadBaseline.generateFile(dir.resolve("upload.bin"), bytes);
        SandboxOptions options = upload.sandboxStores() ? SandboxOptions.defaults()
                : SandboxOptions.defaults().countingUploadsOnly();
        try (FilemailSandbox jobSandbox = FilemailSandbox.start(options);
                FilemailSandbox plainSandbox = FilemailSandbox.start(options);
                JobBenchmark.UploadSession job = new JobBenchmark.UploadSession(jobSandbox.baseUrl(),
                        jobSandbox.apiKey(), Files.createDirectories(dir.resolve("job")))) {
            UploadPasses passes = new UploadPasses(jobSandbox, plainSandbox, job, file, bytes);
            if (warmupRows > 0) {
                // As for initialize: each side unmeasured first, so that both are measured with compiled code.
                // Twice each: one pass leaves the job's code still being compiled during its first measured pass.
                stdout.println("  upload warm-up: the job and the plain client, twice each (not measured)...");
                for (int pass = 0; pass < 2; pass++) {
                    passes.byJob();
                    passes.byPlainClient();
                }
            }
            // Job, plain client, plain client, job, job, ...: whichever side goes first in a pair is slower (the
            // figures are in docs/performance.md), so the sides take turns going first.
            List<Throughput> jobPasses = new ArrayList<>();
            List<Throughput> baselinePasses = new ArrayList<>();
            for (int pass = 0; pass < upload.passes(); pass++) {
                if (pass % 2 == 0) {
                    jobPasses.add(passes.byJob());
                    baselinePasses.add(passes.byPlainClient());
                } else {
                    baselinePasses.add(passes.byPlainClient());
                    jobPasses.add(passes.byJob());
                }
            }
            stdout.printf(Locale.ROOT, "  upload passes, MB/s: job %s; plain client %s%n",
                    rates(Throughput.rates(jobPasses)), rates(Throughput.rates(baselinePasses)));
            return new Upload(Throughput.median(jobPasses), Throughput.median(baselinePasses), jobPasses,
                    baselinePasses);
        } finally {
            Files.delete(file);
        }
    }

    private String sandboxDoes() {
        return upload.sandboxStores() ? "stores every chunk on this disk" : "counts the bytes without storing them";
    }

    /** "612.3, 640.1, 598.7": rates in pass order. */
    private static String rates(List<Double> rates) {
        return rates.stream().map(rate -> String.format(Locale.ROOT, "%.1f", rate)).collect(Collectors.joining(", "));
    }

    /**
     * The passes of the upload figure: each side has a sandbox of its own, reset (its received files deleted)
     * after every pass, and the job one application context for all of its passes. Each job pass is a new run:
     * a CSV of its own beside the file (a {@code files} path is relative to the CSV's directory), naming it under
     * a new reference.
     */
    private static final class UploadPasses {

        private final FilemailSandbox jobSandbox;
        private final FilemailSandbox plainSandbox;
        private final JobBenchmark.UploadSession job;
        private final Path file;
        private final long bytes;
        private int jobPasses;

        UploadPasses(FilemailSandbox jobSandbox, FilemailSandbox plainSandbox, JobBenchmark.UploadSession job,
                Path file, long bytes) {
            this.jobSandbox = jobSandbox;
            this.plainSandbox = plainSandbox;
            this.job = job;
            this.file = file;
            this.bytes = bytes;
        }

        Throughput byJob() throws Exception {
            jobPasses++;
            Path csv = file.resolveSibling("upload-" + jobPasses + ".csv");
            Files.writeString(csv, "reference,subject,to,files\nU-" + jobPasses + ",Upload benchmark "
                    + jobPasses + ",u1@example.com," + file.getFileName() + "\n", StandardCharsets.UTF_8);
            Throughput measured = job.upload(csv, file);
            checkDelivered(jobSandbox, bytes);
            jobSandbox.reset();
            return measured;
        }

        Throughput byPlainClient() throws Exception {
            CompilerQuiet.await();
            Throughput.Clock clock = new Throughput.Clock();
            double mbS = UploadBaseline.initializeAndUpload(plainSandbox.baseUrl(), plainSandbox.apiKey(), file,
                    FileUploader.DEFAULT_CHUNK_SIZE);
            Throughput measured = new Throughput(mbS, clock.end(Math.round(bytes / 1e6)).cpuMsPerRow());
            plainSandbox.reset();
            return measured;
        }
    }

    /** A job that failed the upload still ends its step: the figure counts only if the sandbox got every byte. */
    private static void checkDelivered(FilemailSandbox sandbox, long bytes) {
        boolean delivered = sandbox.transfers().stream().anyMatch(t -> t.status() == SandboxTransfer.Status.COMPLETED
                && t.files().size() == 1 && t.files().get(0).complete() && t.files().get(0).size() == bytes);
        if (!delivered) {
            throw new IllegalStateException("the job did not deliver the benchmark file: " + sandbox.transfers());
        }
    }

    /**
     * Each side's median and passes: MB/s, and CPU ms per MB (the sandbox receiving the bytes included, alike for
     * both) in the throughputs.
     */
    private record Upload(Throughput job, Throughput baseline, List<Throughput> jobPasses,
            List<Throughput> baselinePasses) {
    }

    private static Path writeCsv(Path file, int rows) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("reference,subject,to\n");
            for (int row = 1; row <= rows; row++) {
                writer.write("B-" + row + ",Benchmark transfer " + row + ",r" + row + "@example.com\n");
            }
        }
        return file;
    }

    private void print(BenchResult r) {
        if (r.coldJobRowsPerS() != null) {
            stdout.printf(Locale.ROOT, "  %-24s %10.1f rows/s  %6.2f ms CPU/row (%,d rows, a new JVM each, warm "
                    + "sandbox%s)%n", "cold pass, job", r.coldJobRowsPerS(), r.coldJobCpuMsPerRow(), r.warmupRows(),
                    r.coldPasses() > 1 ? ", median of " + r.coldPasses() + ": " + rates(r.coldJobPassesRowsPerS())
                            : "");
            stdout.printf(Locale.ROOT, "  %-24s %10.1f rows/s  %6.2f ms CPU/row%s%n", "cold pass, plain client",
                    r.coldBaselineRowsPerS(), r.coldBaselineCpuMsPerRow(), r.coldPasses() > 1
                            ? " (" + rates(r.coldBaselinePassesRowsPerS()) + ")" : "");
            stdout.printf(Locale.ROOT, "  %-24s %10.2f%n", "cold job / plain client",
                    r.coldJobRowsPerS() / r.coldBaselineRowsPerS());
        }
        if (r.warmupJobRowsPerS() != null) {
            stdout.printf(Locale.ROOT, "  %-24s %10.1f rows/s job, %.1f rows/s baseline (%,d rows, this JVM, the job "
                    + "first; not the figures below)%n", "warm-up pass", r.warmupJobRowsPerS(),
                    r.warmupBaselineRowsPerS(), r.warmupRows());
        }
        stdout.printf(Locale.ROOT, "  %-24s %10.1f rows/s  %6.2f ms CPU/row%n", "job (initialize step)",
                r.jobRowsPerS(), r.jobCpuMsPerRow());
        stdout.printf(Locale.ROOT, "  %-24s %10.1f rows/s  %6.2f ms CPU/row%n", "baseline (plain client)",
                r.baselineRowsPerS(), r.baselineCpuMsPerRow());
        stdout.printf(Locale.ROOT, "  %-24s %10.1f rows/s%n", "ceiling (C / L)", r.ceilingRowsPerS());
        stdout.printf(Locale.ROOT, "  %-24s %10.2f%n", "job / baseline", r.jobRowsPerS() / r.baselineRowsPerS());
        stdout.printf(Locale.ROOT, "  %-24s %10.2f%n", "job / ceiling", r.jobRowsPerS() / r.ceilingRowsPerS());
        if (r.heapPeakMbN() != null) {
            stdout.printf(Locale.ROOT, "  %-24s %,10d / %,d rows (child JVM, -Xmx%dm, no latency)%n",
                    "memory, N / 10 x N", r.memoryRowsN(), 10 * r.memoryRowsN(), r.memoryMaxHeapMb());
            stdout.printf(Locale.ROOT, "  %-24s %10.0f / %.0f MB  (10 x N / N %.2f)%n", "heap after GC, peak",
                    r.heapPeakMbN(), r.heapPeakMb10n(), r.heapPeakMb10n() / r.heapPeakMbN());
            stdout.printf(Locale.ROOT, "  %-24s %10.0f / %.0f MB%n", "heap before GC, peak", r.heapUsedPeakMbN(),
                    r.heapUsedPeakMb10n());
            stdout.printf(Locale.ROOT, "  %-24s %10.0f / %.0f MB%n", "process RSS, peak", r.rssPeakMbN(),
                    r.rssPeakMb10n());
        } else {
            stdout.println("  memory: not measured (--memory-rows 0)");
        }
        if (r.uploadJobMbS() != null) {
            stdout.printf(Locale.ROOT, "  %-24s %,10d MiB file, %d MiB chunks, no latency, median of %d passes; "
                    + "the sandbox %s%n", "upload", upload.megabytes(), FileUploader.DEFAULT_CHUNK_SIZE >> 20,
                    upload.passes(), sandboxDoes());
            stdout.printf(Locale.ROOT, "  %-24s %10.1f MB/s    %6.2f ms CPU/MB%n", "job (upload step)",
                    r.uploadJobMbS(), r.uploadJobCpuMsPerMb());
            stdout.printf(Locale.ROOT, "  %-24s %10.1f MB/s    %6.2f ms CPU/MB%n", "baseline (plain client)",
                    r.uploadBaselineMbS(), r.uploadBaselineCpuMsPerMb());
            stdout.printf(Locale.ROOT, "  %-24s %10.2f%n", "upload job / baseline",
                    r.uploadJobMbS() / r.uploadBaselineMbS());
        } else {
            stdout.println("  upload: not measured (--upload-mb 0)");
        }
        if (r.dashboard() != null) {
            DashboardBenchmark.print(r.dashboard(), stdout);
        } else {
            stdout.println("  dashboard: not measured (add --dashboard)");
        }
        if (r.workers() != null) {
            WorkersBenchmark.print(r.workers(), stdout);
        } else {
            stdout.println("  workers: not measured (add --workers)");
        }
        stdout.println("  written to " + out);
    }

    private void write(BenchResult result) throws IOException {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(out, json.writeValueAsString(result) + System.lineSeparator());
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: best effort
        }
    }
}
