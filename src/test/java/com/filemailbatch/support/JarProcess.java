package com.filemailbatch.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code filemail.batch.jar}, set by failsafe) running as a child process in a directory of its
 * own, with only the environment given: for the jar tests that need several processes at once.
 */
public final class JarProcess {

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

    /** Starts {@code java -jar filemail-batch.jar args} in {@code work}; its output goes to files in {@code logs}. */
    public static JarProcess start(Path work, Path logs, String name, Map<String, String> environment,
            String... args) throws IOException {
        String jar = System.getProperty("filemail.batch.jar");
        assertThat(jar).as("system property filemail.batch.jar (set by failsafe)").isNotBlank();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar));
        command.addAll(List.of(args));
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        ProcessBuilder builder = builder(command, work, out, err);
        builder.environment().putAll(environment);
        return new JarProcess(String.join(" ", args), builder.start(), out, err);
    }

    /**
     * A process builder for {@code command} in {@code work}, output to files, in a new user's shell: no Filemail or
     * Spring settings from the test's environment, and no JVM options that would print to stderr.
     */
    public static ProcessBuilder builder(List<String> command, Path work, Path out, Path err) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("FILEMAIL_") || key.startsWith("SPRING_")
                || key.equals("JAVA_TOOL_OPTIONS") || key.equals("_JAVA_OPTIONS") || key.equals("JDK_JAVA_OPTIONS"));
        return builder;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the exit (failing after {@code seconds}, killing the process). @return the exit code */
    public int waitFor(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(command + " did not finish within " + seconds + " s\n" + describe());
        }
        return process.exitValue();
    }

    public String out() {
        return read(stdout);
    }

    public String err() {
        return read(stderr);
    }

    public String describe() {
        return "filemail-batch " + command + "\n--- stdout\n" + out() + "\n--- stderr\n" + err();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
