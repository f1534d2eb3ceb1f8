package com.filemailbatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user installs it: the tar.gz unpacked (into a directory whose name holds a space), the
 * launcher run through a symbolic link from a directory of its own, real processes throughout. Runs in failsafe
 * after {@code package}, which passes the archive as {@code filemail.batch.distribution}.
 */
class DistributionIT {

    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    static Path root;

    private static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        home = unpack(root.resolve("opt dir"));
    }

    private static Path unpack(Path directory) throws Exception {
        String archive = System.getProperty("filemail.batch.distribution");
        assertThat(archive).as("system property filemail.batch.distribution (set by failsafe)").isNotBlank();
        Result untar = run(Files.createDirectories(directory), Map.of(), "tar", "xzf", archive);
        assertThat(untar.exit()).as(untar.describe()).isZero();
        Path unpacked = directory.resolve("filemail-batch-" + System.getProperty("filemail.batch.version"));
        assertThat(unpacked.resolve("bin/filemail-batch")).isExecutable();
        assertThat(unpacked.resolve("lib/filemail-batch.jar")).isRegularFile();
        return unpacked;
    }

    @Test
    void theLauncherRunsTheSampleFromAnyDirectoryWithItsArgumentsUntouched() throws Exception {
        Path work = Files.createDirectories(root.resolve("work"));
        Files.createSymbolicLink(work.resolve("fb"), home.resolve("bin/filemail-batch"));
        copy(home.resolve("sample-data"), work.resolve("sample data"));
        Map<String, String> env = Map.of("FILEMAIL_DATA_DIR", root.resolve("data").toString());

        Result version = run(work, env, "./fb", "--version");
        assertThat(version.exit()).as(version.describe()).isZero();
        assertThat(version.out()).startsWith("filemail-batch ");

        Result sample = run(work, env, "./fb", "run", "--input", "sample data/nightly-transfers.csv", "--sandbox");
        assertThat(sample.exit()).as(sample.describe()).isZero();
        assertThat(sample.out()).startsWith("Run 1 of sendTransfersJob finished.")
                .containsPattern("(?m)^  rows read +4$").containsPattern("(?m)^  completed +3$")
                .containsPattern("(?m)^  rejected +0$").containsPattern("(?m)^  failed +0$")
                .contains("report: ./reports/sandbox/run-1.json");
        assertThat(work.resolve("reports/sandbox/run-1.json")).isRegularFile();
        assertThat(root.resolve("data/sandbox")).isDirectory();
    }

    @Test
    void theTrainedClassDataSharingArchiveStartsTheSameProgram() throws Exception {
        // An installation of its own, its path without spaces: Java 17 skips an archive of classes from such a path.
        trainedStartsTheSameProgram(Path.of(System.getProperty("java.home")), root.resolve("opt"),
                "lib/filemail-batch.jsa", "shared objects file \\(top\\)");
    }

    @Test
    void onJava25TheTrainedAheadOfTimeCacheStartsTheSameProgram() throws Exception {
        Path java25 = Path.of(System.getenv().getOrDefault("JAVA25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        assumeTrue(Files.isExecutable(java25.resolve("bin/java")), "no Java 25 at " + java25 + " (JAVA25_HOME)");
        trainedStartsTheSameProgram(java25, root.resolve("opt25"), "lib/filemail-batch.aot", "shared objects file");
    }

    /**
     * Trains an installation of its own with that Java, then runs {@code history} with and without what the training
     * made: the same answer, the program's own classes mapped from the cache or archive. {@code --help} answers
     * without it (the launcher leaves it out there, where it costs more than it saves).
     */
    private static void trainedStartsTheSameProgram(Path javaHome, Path installation, String made, String source)
            throws Exception {
        Path home = unpack(installation);
        Path elsewhere = Files.createDirectories(installation.resolve("elsewhere"));
        Path launcher = home.resolve("bin/filemail-batch");
        Map<String, String> env = Map.of("JAVA_HOME", javaHome.toString(),
                "FILEMAIL_DATA_DIR", installation.resolve("data").toString());
        Result plain = run(elsewhere, env, launcher.toString(), "history");
        assertThat(plain.exit()).as(plain.describe()).isZero();
        assertThat(plain.out()).isEqualTo("No runs recorded yet." + System.lineSeparator());

        Result train = run(elsewhere, Map.of("JAVA_HOME", javaHome.toString()),
                home.resolve("bin/filemail-batch-train").toString());
        assertThat(train.exit()).as(train.describe()).isZero();
        assertThat(home.resolve(made)).isNotEmptyFile();

        Path classLog = installation.resolve("class-load.log");
        Map<String, String> logged = new HashMap<>(env);
        logged.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        Result trained = run(elsewhere, logged, launcher.toString(), "history");
        assertThat(trained.exit()).as(trained.describe()).isZero();
        assertThat(trained.out()).isEqualTo(plain.out());
        assertThat(trained.err()).isEqualTo(plain.err());
        // The program's own classes came from what the training made, not from the jar.
        assertThat(Files.readString(classLog))
                .containsPattern("com\\.filemailbatch\\.cli\\.HistoryCommand source: " + source);

        Path helpLog = installation.resolve("class-load-help.log");
        logged.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + helpLog);
        Result help = run(elsewhere, logged, launcher.toString(), "--help");
        assertThat(help.exit()).as(help.describe()).isZero();
        assertThat(help.out()).startsWith("Usage: filemail-batch");
        assertThat(Files.readString(helpLog)).contains("com.filemailbatch.cli.FilemailBatchCli source: file:");
    }

    @Test
    void completionAndManualPagesAreShipped() throws Exception {
        Path completion = home.resolve("completion/filemail-batch.bash");
        Result syntax = run(root, Map.of(), "bash", "-n", completion.toString());
        assertThat(syntax.exit()).as(syntax.describe()).isZero();
        Result defined = run(root, Map.of(), "bash", "-c", "source \"$0\" && complete -p filemail-batch",
                completion.toString());
        assertThat(defined.exit()).as(defined.describe()).isZero();
        assertThat(defined.out()).contains("filemail-batch");

        String page = Files.readString(home.resolve("man/filemail-batch.1"));
        assertThat(page).startsWith(".TH \"FILEMAIL-BATCH\" 1").contains(".SH SYNOPSIS", ".SH COMMANDS",
                ".SH EXIT STATUS");
        for (String command : List.of("run", "cleanup", "history", "show", "serve", "dashboard", "check")) {
            assertThat(page).contains("\\fB" + command + "\\fR");
            assertThat(home.resolve("man/filemail-batch-" + command + ".1")).isNotEmptyFile();
        }
        assertThat(Files.readString(home.resolve("man/filemail-batch-run.1"))).contains("\\fB\\-\\-input\\fR \\fIFILE\\fR");
        assertThat(home.resolve("deploy/systemd/filemail-batch.service")).isRegularFile();
        assertThat(home.resolve("deploy/kubernetes/cronjob.yaml")).isRegularFile();
        assertThat(home.resolve("jobs/nightly-send.properties")).isRegularFile();
        assertThat(home.resolve("docs/installing.md")).isRegularFile();
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    /** Runs a command to its end with a plain environment (PATH, HOME, the test's Java) plus {@code env}. */
    private static Result run(Path directory, Map<String, String> env, String... command) throws Exception {
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("HOME", root.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Result(String.join(" ", command), process.exitValue(), Files.readString(out),
                Files.readString(err));
    }

    private record Result(String command, int exit, String out, String err) {

        String describe() {
            return command + " exited " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }
}
