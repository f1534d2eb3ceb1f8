package com.filemailbatch.bench;

import com.filemailbatch.sandbox.FilemailSandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark run: a generated CSV, the sandbox with a fixed latency, the real job, then the baseline loop, then
 * the figures. Memory and upload figures are not measured by this version (null in the JSON).
 */
public final class Benchmark {

    private final int rows;
    private final int latencyMs;
    private final int concurrency;
    private final Path out;
    private final PrintStream stdout;

    public Benchmark(int rows, int latencyMs, int concurrency, Path out, PrintStream stdout) {
        this.rows = rows;
        this.latencyMs = latencyMs;
        this.concurrency = concurrency;
        this.out = out;
        this.stdout = stdout;
    }

    public BenchResult run() throws Exception {
        Path work = Files.createTempDirectory("filemail-bench-");
        try (FilemailSandbox sandbox = FilemailSandbox.start()) {
            sandbox.setLatency(Duration.ofMillis(latencyMs));
            Path csv = writeCsv(work.resolve("bench.csv"));
            stdout.printf(Locale.ROOT, "Benchmark: %,d rows, %d ms latency, concurrency %d (sandbox, this machine: "
                    + "%d cores)%n", rows, latencyMs, concurrency, Runtime.getRuntime().availableProcessors());
            double job = JobBenchmark.initialize(sandbox.baseUrl(), sandbox.apiKey(), csv, concurrency, work);
            sandbox.reset();
            sandbox.setLatency(Duration.ofMillis(latencyMs));
            double baseline = BaselineClient.initialize(sandbox.baseUrl(), sandbox.apiKey(), rows, concurrency);
            double ceiling = latencyMs == 0 ? Double.NaN : concurrency / (latencyMs / 1000.0);
            BenchResult result = new BenchResult(rows, latencyMs, concurrency, job, baseline, ceiling, null, null,
                    null, null);
            print(result);
            write(result);
            return result;
        } finally {
            deleteQuietly(work);
        }
    }

    private Path writeCsv(Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("reference,subject,to\n");
            for (int row = 1; row <= rows; row++) {
                writer.write("B-" + row + ",Benchmark transfer " + row + ",r" + row + "@example.com\n");
            }
        }
        return file;
    }

    private void print(BenchResult r) {
        stdout.printf(Locale.ROOT, "  %-22s %10.1f rows/s%n", "job (initialize step)", r.jobRowsPerS());
        stdout.printf(Locale.ROOT, "  %-22s %10.1f rows/s%n", "baseline (plain client)", r.baselineRowsPerS());
        stdout.printf(Locale.ROOT, "  %-22s %10.1f rows/s%n", "ceiling (C / L)", r.ceilingRowsPerS());
        stdout.printf(Locale.ROOT, "  %-22s %10.2f%n", "job / baseline", r.jobRowsPerS() / r.baselineRowsPerS());
        stdout.printf(Locale.ROOT, "  %-22s %10.2f%n", "job / ceiling", r.jobRowsPerS() / r.ceilingRowsPerS());
        stdout.println("  memory and upload figures: not measured by this version");
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
