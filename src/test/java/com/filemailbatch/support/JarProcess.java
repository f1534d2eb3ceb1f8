package com.filemailbatch.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.bench.ColdSettings;
import com.filemailbatch.sandbox.FilemailSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The packaged jar ({@code filemail.batch.jar}, set by failsafe) running as a child process in a working directory
 * of its own, with only the environment given, its stdout and stderr in files. {@link #in} says where and with what;
 * a command then runs to its end ({@link Launcher#run}) or is started to be watched, stopped or killed
 * ({@link Launcher#start}).
 */
public final class JarProcess {

    private static final Duration POLL = Duration.ofMillis(20);

    private final String command;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private JarProcess(String command, Process process, Path stdout, Path stderr) {
        this.command = command;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Launches in {@code work}, each launch's output in numbered files in {@code logs}. Fails without the jar. */
    public static Launcher in(Path work, Path logs) {
        return new Launcher(jar(), work, logs);
    }

    /** The packaged jar, as failsafe names it. */
    public static Path jar() {
        String jar = System.getProperty("filemail.batch.jar");
        assertThat(jar).as("system property filemail.batch.jar (set by failsafe)").isNotBlank();
        assertThat(Path.of(jar)).as("the packaged jar").isRegularFile();
        return Path.of(jar);
    }

    /** The H2 database a run of the jar keeps in {@code dataDir}, opened from the test after (or between) runs. */
    public static Connection database(Path dataDir) throws SQLException {
        return database(dataDir, "");
    }

    /** As {@link #database(Path)}, with settings appended to the JDBC URL (for example {@code ;ACCESS_MODE_DATA=r}). */
    public static Connection database(Path dataDir, String urlSettings) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("filemail-batch") + urlSettings, "sa",
                "");
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM: the graceful stop an operator asks for. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL, as a crash: no shutdown hook runs. Returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed process ended").isTrue();
    }

    /** Waits at most {@code time} for the exit: true if the process ended by then. */
    public boolean waitFor(Duration time) throws InterruptedException {
        return process.waitFor(time.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits for the exit, failing (and killing the process) after {@code seconds}. @return the exit code */
    public int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(command + " did not finish within " + seconds + " s\n" + describe());
        }
        return process.exitValue();
    }

    /** The exit code of a process that has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    /**
     * Polls {@code condition} while the process runs: true once it holds; false if the process ended or
     * {@code bound} passed first. What a false means is the caller's to say.
     */
    public boolean await(BooleanSupplier condition, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            waitFor(POLL);
        }
        return false;
    }

    public String out() {
        return read(stdout);
    }

    public String err() {
        return read(stderr);
    }

    public String describe() {
        return describe(command, out(), err());
    }

    private static String describe(String command, String out, String err) {
        return "filemail-batch " + command + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** A command that ran to its end: its exit code and everything it wrote. */
    public record Result(String command, int exit, String out, String err) {

        public String describe() {
            return JarProcess.describe(command, out, err);
        }
    }

    /** Where the jar runs and with what; each launch gets the next number for its output files. */
    public static final class Launcher {

        private final Path jar;
        private final Path work;
        private final Path logs;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private int launches;

        private Launcher(Path jar, Path work, Path logs) {
            this.jar = jar;
            this.work = work;
            this.logs = logs;
        }

        public Launcher environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Launcher environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** Filemail is {@code sandbox}: its URL and API key, as an operator sets them for the real service. */
        public Launcher sandbox(FilemailSandbox sandbox) {
            return environment("FILEMAIL_BASE_URL", sandbox.baseUrl().toString())
                    .environment("FILEMAIL_API_KEY", sandbox.apiKey());
        }

        /** JVM options of the launches from now on (before {@code -jar}), replacing earlier ones. */
        public Launcher jvmOptions(String... options) {
            jvmOptions.clear();
            jvmOptions.addAll(List.of(options));
            return this;
        }

        /** How many processes this launcher started. */
        public int launches() {
            return launches;
        }

        /**
         * Starts {@code java [run's options] [options] -jar filemail-batch.jar args} and returns at once. The JVM
         * options {@code bin/filemail-batch} gives run (the JIT's first tier only) whatever the command: these tests
         * start the jar dozens of times on two cores, two classes at a time, and the second tier's compiler threads
         * would take about 40 % of every start's CPU. Options given here come after them and can set them otherwise.
         */
        public JarProcess start(String... args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(ColdSettings.LAUNCHER_RUN_OPTIONS);
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            command.addAll(List.of(args));
            launches++;
            Path out = logs.resolve(launches + ".out");
            Path err = logs.resolve(launches + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            // A new user's shell: no Filemail or Spring settings from the test's environment, and no JVM options
            // that would print to stderr.
            builder.environment().keySet().removeIf(key -> key.startsWith("FILEMAIL_") || key.startsWith("SPRING_")
                    || key.equals("JAVA_TOOL_OPTIONS") || key.equals("_JAVA_OPTIONS")
                    || key.equals("JDK_JAVA_OPTIONS"));
            builder.environment().putAll(environment);
            return new JarProcess(String.join(" ", args), builder.start(), out, err);
        }

        /** Runs {@code args} to the end, failing (and killing it) after {@code timeoutSeconds}. */
        public Result run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
            JarProcess process = start(args);
            int exit = process.awaitExit(timeoutSeconds);
            return new Result(process.command, exit, process.out(), process.err());
        }
    }
}
