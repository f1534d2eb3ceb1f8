package com.filemailbatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench --startup} with one start of each, from the packaged jar, as a user runs it: every way of starting and
 * every command gets a figure, written as JSON. Nothing here depends on how long anything took.
 */
class StartupBenchIT {

    @TempDir
    Path dir;

    @Test
    void oneStartOfEachGivesEveryFigure() throws Exception {
        Path out = dir.resolve("startup.json");
        Path log = dir.resolve("bench.txt");
        // The jar named by a relative path, as a user in the project's directory types it: each way of starting runs
        // in a directory of its own, and must still find it.
        Path jar = dir.toAbsolutePath().relativize(Path.of(System.getProperty("filemail.batch.jar")).toAbsolutePath());
        Process bench = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "bench", "--startup", "--startup-starts", "1",
                "--startup-distribution", System.getProperty("filemail.batch.distribution"), "--out", out.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(bench.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(bench.exitValue()).as(Files.readString(log)).isZero();

        JsonNode result = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(result.path("starts").asInt()).isEqualTo(1);
        List<String> cells = result.path("figures").valueStream()
                .map(figure -> figure.path("start").asString() + " | " + figure.path("command").asString()).toList();
        assertThat(cells).contains("java -jar filemail-batch.jar | --help", "java -jar filemail-batch.jar | history",
                "java -jar filemail-batch.jar | run --sandbox", "java -jar filemail-batch.jar | bare Boot app",
                "bin/filemail-batch | --help", "bin/filemail-batch | history", "bin/filemail-batch | bare Boot app",
                "bin/filemail-batch | run --sandbox");
        assertThat(cells).anyMatch(cell -> cell.matches("bin/filemail-batch, (AOT cache|CDS archive) \\| history"));
        result.path("figures").valueStream().forEach(figure -> {
            assertThat(figure.path("wall_s_median").asDouble()).isPositive();
            assertThat(figure.path("wall_s")).hasSize(1);
        });
        assertThat(Files.readString(log)).contains("history / bare Boot app");
    }
}
