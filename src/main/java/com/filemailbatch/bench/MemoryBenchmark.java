package com.filemailbatch.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of the real {@code run} command, in a child JVM per measurement so that one run's heap does not pollute the
 * other's: the job runs exactly as a user runs it, against the parent's sandbox (whose memory, which grows with
 * every transfer it keeps, stays out of the figure). Heap figures come from the child's GC log, RSS from its
 * {@code /proc/PID/status} read while it runs. A young collection leaves old garbage in place, so heap after it
 * follows the collector's rhythm, not what the job holds: every {@link #FULL_GC_EVERY} the child is asked for a
 * full collection ({@code jcmd PID GC.run}), whose result is what it really holds at that moment.
 */
final class MemoryBenchmark {

    /** Heap used after a collection / before it (the live set's high-water mark / what was ever in use), RSS. */
    record Memory(double heapPeakMb, double heapUsedPeakMb, double rssPeakMb, double seconds) {
    }

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Duration FULL_GC_EVERY = Duration.ofSeconds(5);
    private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

    private MemoryBenchmark() {
    }

    /**
     * Runs {@code run --input csv} in a child JVM with {@code -Xmx<maxHeapMb>m}.
     *
     * @throws IllegalStateException when the child fails (its output is in {@code workDir})
     */
    static Memory run(URI baseUrl, String apiKey, Path csv, int concurrency, int maxHeapMb, Path workDir)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path gcLog = workDir.resolve("gc.log");
        Path output = workDir.resolve("child-output.txt");
        List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-Xmx" + maxHeapMb + "m",
                "-Xlog:gc:file=" + gcLog,
                "-Dfilemail.base-url=" + baseUrl, "-Dfilemail.concurrency=" + concurrency,
                "-Dfilemail.data-dir=" + workDir.resolve("data"),
                "-Dfilemail.reports-dir=" + workDir.resolve("reports")));
        command.addAll(ChildJvm.program());
        command.addAll(List.of("run", "--input", csv.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // The key goes by the environment, not the command line, where any user of the machine could read it.
        builder.environment().put("FILEMAIL_API_KEY", apiKey);
        long started = System.nanoTime();
        try (ChildJvm.Child child = ChildJvm.start(builder)) {
            return measure(child.process(), gcLog, output, started);
        }
    }

    private static Memory measure(Process child, Path gcLog, Path output, long started)
            throws IOException, InterruptedException {
        long rssKb = 0;
        Path status = Path.of("/proc", Long.toString(child.pid()), "status");
        long nextFullGc = System.nanoTime() + FULL_GC_EVERY.toNanos();
        while (child.isAlive()) {
            rssKb = Math.max(rssKb, highWaterMarkKb(status));
            if (System.nanoTime() > nextFullGc) {
                requestFullGc(child.pid());
                nextFullGc = System.nanoTime() + FULL_GC_EVERY.toNanos();
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (child.exitValue() != 0) {
            throw new IllegalStateException("the measured run exited with " + child.exitValue() + "; its output: "
                    + output);
        }
        long afterFullGc = 0;
        long afterAnyGc = 0;
        long beforeGc = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher gc = GC_LINE.matcher(line);
            if (gc.find()) {
                beforeGc = Math.max(beforeGc, Long.parseLong(gc.group(1)));
                afterAnyGc = Math.max(afterAnyGc, Long.parseLong(gc.group(2)));
                if (line.contains("Pause Full")) {
                    afterFullGc = Math.max(afterFullGc, Long.parseLong(gc.group(2)));
                }
            }
        }
        // A run too short for a requested full collection: the young collections' figure is all there is.
        return new Memory(afterFullGc > 0 ? afterFullGc : afterAnyGc, beforeGc, rssKb / 1024.0, seconds);
    }

    /** Best effort: a child that is just ending, or a JDK without jcmd, leaves the figure to the young GCs. */
    private static void requestFullGc(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            jcmd.waitFor();
        } catch (IOException e) {
            // no jcmd here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** VmHWM (peak resident set) of a running process; 0 where /proc is not there. */
    private static long highWaterMarkKb(Path status) {
        try {
            Matcher hwm = VM_HWM.matcher(Files.readString(status));
            return hwm.find() ? Long.parseLong(hwm.group(1)) : 0;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
