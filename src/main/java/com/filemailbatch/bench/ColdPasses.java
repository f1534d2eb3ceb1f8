package com.filemailbatch.bench;

import com.filemailbatch.sandbox.FilemailSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The cold first pass of each side, each in a fresh JVM of its own against this JVM's sandbox, warmed beforehand.
 * In one JVM, whichever side goes second would run on code the first one had the compiler make: the sandbox's
 * server code and {@code java.net.http}, which the job's Filemail client uses too. A real service is warm, and a
 * nightly run starts in a JVM of its own: so here. The job's child starts its application context and waits for
 * the compiler to go quiet before the pass, as the in-process passes do (start-up has a figure of its own); the
 * rows per second are the initialize step's, from the job repository, and the CPU per row the child's own (the
 * sandbox's is not in it). Both children get the same JVM options.
 */
final class ColdPasses {

    /** Each side's medians, and its passes in order. */
    record Figures(Throughput job, Throughput baseline, List<Throughput> jobPasses, List<Throughput> baselinePasses) {
    }

    private ColdPasses() {
    }

    /**
     * @param csv      the rows of the job's pass ({@code rows} of them); the plain client makes as many calls
     * @param settings how many passes of each side (job and plain client take turns), and the children's JVM options
     * @param work     a directory for the children's data and output
     * @throws IllegalStateException when a child fails (its output is in {@code work})
     */
    static Figures run(FilemailSandbox sandbox, Duration latency, Path csv, int rows, int concurrency,
            ColdSettings settings, Path work) throws IOException, InterruptedException {
        freshSandbox(sandbox, latency);
        SandboxWarmer.warm(sandbox.baseUrl(), sandbox.apiKey(), rows, concurrency);
        List<Throughput> jobPasses = new ArrayList<>();
        List<Throughput> baselinePasses = new ArrayList<>();
        for (int pass = 1; pass <= settings.passes(); pass++) {
            freshSandbox(sandbox, latency);
            CompilerQuiet.await();
            jobPasses.add(child(sandbox, settings.jvmOptions(), work, "job-" + pass, "job", csv.toString(),
                    concurrency, work.resolve("job-" + pass).toString()));
            freshSandbox(sandbox, latency);
            CompilerQuiet.await();
            baselinePasses.add(child(sandbox, settings.jvmOptions(), work, "baseline-" + pass, "baseline",
                    Integer.toString(rows), concurrency));
        }
        freshSandbox(sandbox, latency);
        return new Figures(Throughput.median(jobPasses), Throughput.median(baselinePasses), jobPasses,
                baselinePasses);
    }

    /** Forgets the transfers made so far; a reset also drops the latency, which every pass here keeps. */
    private static void freshSandbox(FilemailSandbox sandbox, Duration latency) {
        sandbox.reset();
        sandbox.setLatency(latency);
    }

    private static Throughput child(FilemailSandbox sandbox, List<String> jvmOptions, Path work, String name,
            String side, String input, int concurrency, String... more) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ChildJvm.java()));
        command.addAll(jvmOptions);
        command.addAll(ChildJvm.mainClass(ColdPassMain.class.getName()));
        command.addAll(List.of(side, sandbox.baseUrl().toString(), input, Integer.toString(concurrency)));
        command.addAll(List.of(more));
        Path output = work.resolve(name + "-output.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("FILEMAIL_API_KEY", sandbox.apiKey());
        try (ChildJvm.Child child = ChildJvm.start(builder)) {
            int exit = child.process().waitFor();
            List<String> lines = Files.readAllLines(output);
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            if (exit != 0 || !last.startsWith(ColdPassMain.FIGURE)) {
                throw new IllegalStateException("the " + side + "'s cold pass exited with " + exit + "; its output: "
                        + output);
            }
            String[] figure = last.substring(ColdPassMain.FIGURE.length()).split(" ");
            return new Throughput(Double.parseDouble(figure[0]), Double.parseDouble(figure[1]));
        }
    }
}
