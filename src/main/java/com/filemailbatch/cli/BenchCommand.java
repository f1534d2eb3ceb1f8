package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.bench.BenchUnavailableException;
import com.filemailbatch.bench.Benchmark;
import com.filemailbatch.bench.ColdSettings;
import com.filemailbatch.bench.DashboardSettings;
import com.filemailbatch.bench.StartupBenchmark;
import com.filemailbatch.bench.StartupFiles;
import com.filemailbatch.bench.UploadSettings;
import com.filemailbatch.bench.WorkersSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.springframework.util.unit.DataSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: the send job against the sandbox versus a plain HTTP client loop, on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures the initialize throughput of the real job against the sandbox with a fixed latency, "
                + "and of a plain java.net.http loop with the same concurrency (the practical ceiling); then the "
                + "memory of the run command for N and 10 x N rows; then the upload rate of the job and of a plain client "
                + "for one generated file; with --dashboard, then the dashboard's pages on a generated long-lived "
                + "installation's data; with --workers, then the upload rate of the job with its uploads spread over "
                + "1, 2, 3 capped workers. With --startup, only the start-up figure: cold starts of --help, history "
                + "and the sample's run --sandbox from the packaged jar and the installed distribution, beside a bare "
                + "Spring Boot application with the same database stack.",
                "Prints a table and writes the figures as JSON. Not a test: nothing depends on its timing."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--rows", paramLabel = "N", defaultValue = "20000", description = "Rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--warmup-rows", paramLabel = "W", defaultValue = "10000",
            description = "Rows of each side's cold pass (a new JVM of its own, see --cold-jvm-options), then of "
                    + "its unmeasured pass in this JVM before its measured pass, so that both are measured with their "
                    + "code compiled by the JIT; with it each side also uploads the file twice, unmeasured, before its "
                    + "measured upload passes (default: ${DEFAULT-VALUE}; 0: none of these, the measured passes are "
                    + "this JVM's first).")
    int warmupRows;

    @Option(names = "--cold-jvm-options", paramLabel = "OPTIONS",
            description = "JVM options of the cold passes: before the warm-up, each side's first pass over "
                    + "--warmup-rows rows in a new JVM of its own against the warmed-up sandbox (default: those "
                    + "bin/filemail-batch gives run, -XX:TieredStopAtLevel=1; \"\" for the JVM's defaults, as "
                    + "java -jar runs it; split at spaces).")
    String coldJvmOptions;

    @Option(names = "--cold-passes", paramLabel = "K", defaultValue = "1",
            description = "Cold passes of each side, the job's and the plain client's taking turns; the cold figures "
                    + "are their medians (default: ${DEFAULT-VALUE}; one cold pass of the job spreads by a few "
                    + "percent from run to run).")
    int coldPasses;

    @Option(names = "--latency-ms", paramLabel = "L", defaultValue = "20",
            description = "Sandbox latency per call in ms (default: ${DEFAULT-VALUE}).")
    int latencyMs;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "16",
            description = "Calls in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--memory-rows", paramLabel = "N", defaultValue = "-1",
            description = "N of the memory figures: the run command's heap and RSS for N and 10 x N rows, each in a "
                    + "child JVM with no latency (default: --rows; 0 skips them).")
    int memoryRows;

    @Option(names = "--memory-max-heap-mb", paramLabel = "MB", defaultValue = "256",
            description = "-Xmx of the measured child JVMs (default: ${DEFAULT-VALUE}).")
    int memoryMaxHeapMb;

    @Option(names = "--upload-mb", paramLabel = "MB", defaultValue = "1024",
            description = "Size in MiB of the generated file the job and a plain client each upload, with no latency "
                    + "(default: ${DEFAULT-VALUE}; 0 skips it).")
    int uploadMb;

    @Option(names = "--upload-passes", paramLabel = "P", defaultValue = "5",
            description = "Measured upload passes of each side, interleaved; each side's figure is the median of its "
                    + "passes (default: ${DEFAULT-VALUE}).")
    int uploadPasses;

    @Option(names = "--upload-stored",
            description = "Let the upload sandboxes write every received chunk to this machine's disk, as in the "
                    + "tests. By default they read and count the bytes only: a real file server stores them with its "
                    + "own disk and CPU, not the client's.")
    boolean uploadStored;

    @Option(names = "--dashboard",
            description = "Also time the dashboard's pages (/runs, /runs?status=FAILED, /runs/ID, /transfers?reference=R) "
                    + "over HTTP on loopback, on a new database of --dashboard-runs runs of sendTransfersJob and "
                    + "--dashboard-ledger-rows ledger rows: median and p95 of the Server-Timing app time and of the "
                    + "client's, and each page's HTTP status.")
    boolean dashboard;

    @Option(names = "--dashboard-runs", paramLabel = "N", defaultValue = "10000",
            description = "Runs in the dashboard's dataset (default: ${DEFAULT-VALUE}).")
    int dashboardRuns;

    @Option(names = "--dashboard-ledger-rows", paramLabel = "N", defaultValue = "1000000",
            description = "Ledger rows in the dashboard's dataset, at least one per run (default: ${DEFAULT-VALUE}).")
    int dashboardLedgerRows;

    @Option(names = "--dashboard-warmup", paramLabel = "W", defaultValue = "10",
            description = "Unmeasured GETs of each page first (default: ${DEFAULT-VALUE}).")
    int dashboardWarmup;

    @Option(names = "--dashboard-requests", paramLabel = "R", defaultValue = "50",
            description = "Measured GETs of each page (default: ${DEFAULT-VALUE}).")
    int dashboardRequests;

    @Option(names = "--workers",
            description = "Also measure uploads spread over workers (filemail.workers.enabled): the real job with 1, "
                    + "2, … --workers-max worker contexts in this JVM, each capped at --workers-cap bytes per second "
                    + "(standing in for its machine's uplink), on RabbitMQ (spring.rabbitmq.*, default localhost) and a "
                    + "throwaway PostgreSQL database (FILEMAIL_BENCH_POSTGRES, default "
                    + "jdbc:postgresql://127.0.0.1:5432/, user postgres); the upload step's bytes per second against "
                    + "k x cap. Refused (exit 78) when either is not reachable.")
    boolean workers;

    @Option(names = "--workers-max", paramLabel = "K", defaultValue = "3",
            description = "The most workers of the --workers figure, 1 to 8 (default: ${DEFAULT-VALUE}).")
    int workersMax;

    @Option(names = "--workers-cap", paramLabel = "SIZE", defaultValue = "4MB",
            description = "Each worker's filemail.upload.max-bytes-per-second, such as 4MB (default: "
                    + "${DEFAULT-VALUE}).")
    String workersCap;

    @Option(names = "--workers-files", paramLabel = "F", defaultValue = "4",
            description = "Files per worker and pass of the --workers figure, one transfer each (default: "
                    + "${DEFAULT-VALUE}).")
    int workersFiles;

    @Option(names = "--workers-file-mb", paramLabel = "MB", defaultValue = "16",
            description = "Size in MiB of each file of the --workers figure (default: ${DEFAULT-VALUE}).")
    int workersFileMb;

    @Option(names = "--startup",
            description = "Measure start-up only: median wall and CPU time of --startup-starts cold starts each of "
                    + "--help, history (empty database) and the sample's run --sandbox, with java -jar, with the "
                    + "installed distribution's launcher, and with it again after bin/filemail-batch-train; and of a "
                    + "bare Spring Boot application with the same database stack (H2, Flyway, Spring Batch's JDBC job "
                    + "repository) reading the same empty database.")
    boolean startup;

    @Option(names = "--startup-starts", paramLabel = "N", defaultValue = "5",
            description = "Cold starts of each (default: ${DEFAULT-VALUE}).")
    int startupStarts;

    @Option(names = "--startup-jar", paramLabel = "FILE",
            description = "The packaged jar to start (default: this one, when run with java -jar; else none).")
    Path startupJar;

    @Option(names = "--startup-distribution", paramLabel = "FILE",
            description = "The distribution's tar.gz to install and start (default: the filemail-batch-*.tar.gz "
                    + "beside the jar, if there is one; without it, no launcher figures and no run --sandbox).")
    Path startupDistribution;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "bench-result.json",
            description = "Where to write the JSON figures (default: ${DEFAULT-VALUE}).")
    Path out;

    private final PrintStream stdout;

    BenchCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws Exception {
        if (rows < 1 || warmupRows < 0 || latencyMs < 0 || concurrency < 1 || concurrency > 256 || memoryRows < -1
                || memoryMaxHeapMb < 64 || uploadMb < 0 || uploadPasses < 1 || coldPasses < 1 || dashboardRuns < 1
                || dashboardLedgerRows < dashboardRuns || dashboardWarmup < 0 || dashboardRequests < 1) {
            throw new UsageException("--rows must be at least 1, --warmup-rows at least 0, --latency-ms at least 0, "
                    + "--concurrency 1 to 256, --memory-rows at least 0, --memory-max-heap-mb at least 64, "
                    + "--upload-mb at least 0, --upload-passes at least 1, --cold-passes at least 1, "
                    + "--dashboard-runs at least 1, "
                    + "--dashboard-ledger-rows at least --dashboard-runs, --dashboard-warmup at least 0, "
                    + "--dashboard-requests at least 1");
        }
        if (startup) {
            if (startupStarts < 1) {
                throw new UsageException("--startup-starts must be at least 1");
            }
            Path jar = startupJar != null ? startupJar : StartupFiles.thisJar();
            Path distribution = startupDistribution != null ? startupDistribution : StartupFiles.besideJar(jar);
            if (jar == null && distribution == null) {
                throw new UsageException("--startup needs the packaged jar or the distribution: run it with java -jar, "
                        + "or give --startup-jar or --startup-distribution");
            }
            new StartupBenchmark(startupStarts, jar, distribution, out, stdout).run();
            return ExitCodes.OK;
        }
        DashboardSettings dashboardSettings = dashboard
                ? new DashboardSettings(dashboardRuns, dashboardLedgerRows, dashboardWarmup, dashboardRequests) : null;
        WorkersSettings workersSettings = workers ? workersSettings() : null;
        try {
            new Benchmark(rows, warmupRows, latencyMs, concurrency, memoryRows < 0 ? rows : memoryRows,
                    memoryMaxHeapMb, new UploadSettings(uploadMb, uploadPasses, uploadStored), dashboardSettings,
                    workersSettings, new ColdSettings(coldPasses, coldJvmOptions == null ? null
                            : Arrays.stream(coldJvmOptions.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList()),
                    out, stdout).run();
        } catch (BenchUnavailableException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private WorkersSettings workersSettings() {
        long cap;
        try {
            cap = DataSize.parse(workersCap).toBytes();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--workers-cap '" + workersCap + "' is no size (such as 4MB, 500KB)");
        }
        if (workersMax < 1 || workersMax > 8 || cap < 1 || workersFiles < 1 || workersFileMb < 1) {
            throw new UsageException("--workers-max must be 1 to 8, --workers-cap more than 0, --workers-files and "
                    + "--workers-file-mb at least 1");
        }
        return new WorkersSettings(workersMax, cap, workersFiles, workersFileMb);
    }
}
