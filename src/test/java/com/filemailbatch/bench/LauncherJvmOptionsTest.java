package com.filemailbatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options {@code bin/filemail-batch} gives each command, read from the command line it executes: a stand-in
 * {@code java} (in a JAVA_HOME of its own) prints its arguments instead of starting a JVM. The bench's cold passes
 * take the launcher's options for {@code run}: they must be the same.
 */
class LauncherJvmOptionsTest {

    private static final Path LAUNCHER = Path.of("src/dist/bin/filemail-batch");

    @TempDir
    Path javaHome;

    @Test
    void theColdPassesRunWithTheOptionsTheLauncherGivesRun() throws Exception {
        assertThat(jvmOptions("run", "--input", "nightly.csv")).isEqualTo(ColdSettings.LAUNCHER_RUN_OPTIONS);
    }

    @Test
    void onlyTheFirstJitTierForRunCleanupAndReadCommands() throws Exception {
        for (String command : List.of("run", "cleanup", "history", "show", "check")) {
            assertThat(jvmOptions(command)).as(command).containsExactly("-XX:TieredStopAtLevel=1");
        }
        for (String command : List.of("serve", "dashboard", "worker", "purge", "bench")) {
            assertThat(jvmOptions(command)).as(command).isEmpty();
        }
    }

    @Test
    void javaOptsComeAfterTheLaunchersChoiceSoTheyCanOverrideIt() throws Exception {
        assertThat(jvmOptions(List.of("JAVA_OPTS=-XX:TieredStopAtLevel=4"), "run"))
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4");
    }

    private List<String> jvmOptions(String... arguments) throws Exception {
        return jvmOptions(List.of(), arguments);
    }

    /** The arguments the launcher gives java before {@code -jar}. */
    private List<String> jvmOptions(List<String> environment, String... arguments) throws Exception {
        Path bin = Files.createDirectories(javaHome.resolve("bin"));
        Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("FILEMAIL_BATCH_OPTS");
        for (String variable : environment) {
            String[] pair = variable.split("=", 2);
            builder.environment().put(pair[0], pair[1]);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> printed = output.lines().toList();
        int jar = printed.indexOf("-jar");
        assertThat(jar).as(output).isNotNegative();
        return printed.subList(0, jar);
    }
}
