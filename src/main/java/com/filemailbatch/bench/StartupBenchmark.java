package com.filemailbatch.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The start-up figure ({@code bench --startup}): cold starts, each a new process, of {@code --help}, {@code history}
 * on an empty database and the sample's {@code run --sandbox}, from the packaged jar ({@code java -jar}) and from the
 * installed distribution ({@code bin/filemail-batch}, then again after {@code bin/filemail-batch-train}); beside them
 * the yardstick, a bare Spring Boot application with the same database stack ({@link BareBootApplication}) reading
 * the same empty database. The ways of starting and the commands take turns, start after start, so that a busy
 * moment of the machine spreads over all of them; each figure is the median of its starts.
 */
public final class StartupBenchmark {

    static final String HELP = "--help";
    static final String HISTORY = "history";
    static final String RUN = "run --sandbox";
    static final String BARE = "bare Boot app";
    static final List<String> COMMANDS = List.of(HELP, HISTORY, RUN, BARE);
    private static final String BARE_CLASS = "com.filemailbatch.bench.BareBootApplication";
    /** USER_HZ: the unit of the CPU times in /proc, 100 on every Linux the JDK runs on. */
    private static final double TICKS_PER_S = 100;

    /** The figures with what they were measured on. */
    record Result(int starts, @JsonProperty("java_version") String javaVersion, int cores,
            @JsonProperty("load_average_before") String loadAverageBefore,
            @JsonProperty("load_average_after") String loadAverageAfter, List<StartupFigure> figures) {
    }

    /** One way of starting: the command line before the command's arguments, and the bare application's. */
    private record Start(String name, List<String> prefix, List<String> bare, Map<String, String> env, Path dir) {
    }

    private final int starts;
    private final Path jar;
    private final Path distribution;
    private final Path out;
    private final PrintStream stdout;

    /**
     * @param jar          the packaged jar, or null to leave its starts out
     * @param distribution the distribution's tar.gz, or null to leave its starts (and the sample run) out
     */
    public StartupBenchmark(int starts, Path jar, Path distribution, Path out, PrintStream stdout) {
        this.starts = starts;
        // Absolute: each way starts in a directory of its own.
        this.jar = jar == null ? null : jar.toAbsolutePath();
        this.distribution = distribution == null ? null : distribution.toAbsolutePath();
        this.out = out;
        this.stdout = stdout;
    }

    public Result run() throws Exception {
        Path work = Files.createTempDirectory("filemail-startup-");
        try {
            String loadBefore = loadAverage();
            stdout.printf(Locale.ROOT, "Start-up: %d cold starts of each, Java %s, %d cores, load average %s%n", starts,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadBefore);
            List<Start> ways = new ArrayList<>();
            Path sample = null;
            if (jar != null) {
                ways.add(new Start("java -jar " + jar.getFileName(), List.of(ChildJvm.java(), "-jar", jar.toString()),
                        List.of(ChildJvm.java(), "-cp", jar.toString(), "-Dloader.main=" + BARE_CLASS,
                                "org.springframework.boot.loader.launch.PropertiesLauncher"),
                        Map.of(), Files.createDirectories(work.resolve("jar"))));
            }
            if (distribution != null) {
                Path home = unpack(distribution, Files.createDirectories(work.resolve("installed")));
                sample = home.resolve("sample-data/nightly-transfers.csv");
                String launcher = home.resolve("bin/filemail-batch").toString();
                ways.add(new Start("bin/filemail-batch", List.of(launcher),
                        List.of(ChildJvm.java(), "-cp", home.resolve("lib/filemail-batch.jar").toString(), BARE_CLASS),
                        Map.of("FILEMAIL_BATCH_NO_CDS", "1"), Files.createDirectories(work.resolve("launcher"))));
                String trained = train(home, work);
                ways.add(new Start("bin/filemail-batch, " + trained, List.of(launcher), null, Map.of(),
                        Files.createDirectories(work.resolve("trained"))));
            }
            for (int w = 0; w < ways.size(); w++) {
                Start way = ways.get(w);
                // The database of each way made once, unmeasured: every measured history then finds it empty.
                time(way, way.prefix(), List.of(HISTORY), "prepare");
                if (way.bare() != null && !bareRuns(way)) {
                    // An older build to compare with has no bare application: its row goes without.
                    stdout.printf(Locale.ROOT, "  (%s: no bare Boot application in it, left out)%n", way.name());
                    ways.set(w, new Start(way.name(), way.prefix(), null, way.env(), way.dir()));
                }
            }
            Map<String, List<Double>> walls = new LinkedHashMap<>();
            Map<String, List<Double>> cpus = new LinkedHashMap<>();
            for (int i = 0; i < starts; i++) {
                stdout.printf(Locale.ROOT, "  start %d of %d...%n", i + 1, starts);
                for (Start way : ways) {
                    for (String command : COMMANDS) {
                        List<String> arguments = arguments(command, sample, i);
                        if (arguments == null || (command.equals(BARE) && way.bare() == null)) {
                            continue;
                        }
                        double[] measured = time(way, command.equals(BARE) ? way.bare() : way.prefix(), arguments,
                                command);
                        walls.computeIfAbsent(key(way, command), k -> new ArrayList<>()).add(measured[0]);
                        cpus.computeIfAbsent(key(way, command), k -> new ArrayList<>())
                                .add(Double.isNaN(measured[1]) ? null : measured[1]);
                    }
                }
            }
            List<StartupFigure> figures = new ArrayList<>();
            walls.forEach((key, wall) -> {
                String[] parts = key.split("\n", 2);
                figures.add(StartupFigure.of(parts[0], parts[1], wall, cpus.get(key)));
            });
            Result result = new Result(starts, System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(), figures);
            stdout.print(table(figures));
            stdout.printf(Locale.ROOT, "load average after: %s%n", result.loadAverageAfter());
            JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(out, json.writeValueAsString(result) + System.lineSeparator());
            stdout.println("Figures written to " + out);
            return result;
        } finally {
            delete(work);
        }
    }

    /** The command's arguments at the i-th start; null when it cannot run here (the sample needs the distribution). */
    private static List<String> arguments(String command, Path sample, int i) {
        return switch (command) {
            case HELP -> List.of(HELP);
            case HISTORY -> List.of(HISTORY);
            // A new run date each time: the same date's run would answer "already completed" at once.
            case RUN -> sample == null ? null : List.of("run", "--input", sample.toString(), "--sandbox",
                    "--run-date", LocalDate.of(2001, 1, 1).plusDays(i).toString());
            case BARE -> List.of();
            default -> throw new IllegalArgumentException(command);
        };
    }

    private static String key(Start way, String command) {
        return way.name() + "\n" + command;
    }

    /**
     * The table: one line per way of starting, one column per command, and how history compares with the bare
     * application of the same layout (the trained start with the plain one's bare application).
     */
    static String table(List<StartupFigure> figures) {
        List<String> ways = figures.stream().map(StartupFigure::start).distinct().toList();
        int first = Math.max(24, ways.stream().mapToInt(String::length).max().orElse(0) + 2);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-" + first + "s", "start"));
        COMMANDS.forEach(command -> table.append(String.format(Locale.ROOT, "%-26s", command)));
        table.append(System.lineSeparator());
        StartupFigure bare = null;
        List<String> comparisons = new ArrayList<>();
        for (String way : ways) {
            table.append(String.format(Locale.ROOT, "%-" + first + "s", way));
            for (String command : COMMANDS) {
                StartupFigure figure = find(figures, way, command);
                table.append(String.format(Locale.ROOT, "%-26s", figure == null ? "-" : figure.cell()));
            }
            table.append(System.lineSeparator());
            bare = find(figures, way, BARE) != null ? find(figures, way, BARE) : bare;
            StartupFigure history = find(figures, way, HISTORY);
            if (history != null && bare != null) {
                comparisons.add(String.format(Locale.ROOT, "  %s: history / bare Boot app %.2f wall%s", way,
                        history.wallSMedian() / bare.wallSMedian(),
                        history.cpuSMedian() == null || bare.cpuSMedian() == null ? ""
                                : String.format(Locale.ROOT, ", %.2f CPU",
                                        history.cpuSMedian() / bare.cpuSMedian())));
            }
        }
        comparisons.forEach(line -> table.append(line).append(System.lineSeparator()));
        return table.toString();
    }

    private static StartupFigure find(List<StartupFigure> figures, String way, String command) {
        return figures.stream().filter(f -> f.start().equals(way) && f.command().equals(command)).findFirst()
                .orElse(null);
    }

    private boolean bareRuns(Start way) throws IOException, InterruptedException {
        try {
            time(way, way.bare(), List.of(), BARE);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Runs one start to its end: {wall s, CPU s (NaN where /proc does not tell)}; fails unless it exits 0. */
    private double[] time(Start way, List<String> prefix, List<String> arguments, String label)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(arguments);
        Path output = way.dir().resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(way.dir().toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        Stream.of("JAVA_OPTS", "FILEMAIL_BATCH_OPTS", "FILEMAIL_BATCH_NO_CDS").forEach(env::remove);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("FILEMAIL_DATA_DIR", way.dir().resolve("data").toString());
        env.put("FILEMAIL_REPORTS_DIR", way.dir().resolve("reports").toString());
        env.putAll(way.env());
        long cpuBefore = childrenCpuTicks();
        long started = System.nanoTime();
        Process child = builder.start();
        int exit = child.waitFor();
        double wall = (System.nanoTime() - started) / 1e9;
        long cpuAfter = childrenCpuTicks();
        if (exit != 0) {
            throw new IllegalStateException(way.name() + " " + label + " exited " + exit + ": "
                    + Files.readString(output));
        }
        return new double[] {wall, cpuBefore < 0 || cpuAfter < 0 ? Double.NaN : (cpuAfter - cpuBefore) / TICKS_PER_S};
    }

    /**
     * User + system time of this process's children that have ended and been waited for ({@code cutime} and
     * {@code cstime} of /proc/self/stat), in ticks; -1 where there is no /proc.
     */
    static long childrenCpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the stat's third field (state): cutime and cstime are its 16th and 17th
            return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private Path unpack(Path archive, Path into) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "xzf", archive.toAbsolutePath().toString()).directory(into.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("cannot unpack " + archive);
        }
        try (Stream<Path> entries = Files.list(into)) {
            return entries.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IllegalStateException(archive + " holds no directory"));
        }
    }

    /** Runs bin/filemail-batch-train with this Java: "AOT cache" or "CDS archive", as it made. */
    private String train(Path home, Path work) throws IOException, InterruptedException {
        stdout.println("  training the installed distribution (bin/filemail-batch-train)...");
        Path output = work.resolve("train.txt");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/filemail-batch-train").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Stream.of("JAVA_OPTS", "FILEMAIL_BATCH_OPTS").forEach(builder.environment()::remove);
        if (builder.start().waitFor() != 0) {
            throw new IllegalStateException("bin/filemail-batch-train failed: " + Files.readString(output));
        }
        return Files.exists(home.resolve("lib/filemail-batch.aot")) ? "AOT cache" : "CDS archive";
    }

    private static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return load[0] + " " + load[1] + " " + load[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
