package com.filemailbatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.support.PostgresContextInitializer.PostgresServer;
import com.filemailbatch.support.RabbitMqServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workers figure with tiny files: the real job's uploads go to one, then two worker contexts over RabbitMQ and a
 * throwaway PostgreSQL database; every file is delivered (or the figure throws) and each worker sends its share. Not
 * a timing test: the files are smaller than the second's worth of bytes the cap lets go at once.
 */
@EnabledIf("servicesRunning")
class WorkersBenchmarkTest {

    private static final long CAP = 2 * 1024 * 1024;

    @TempDir
    Path dir;

    static boolean servicesRunning() {
        return RabbitMqServer.available() && PostgresServer.available();
    }

    @Test
    void spreadsTheUploadsOverOneThenTwoCappedWorkers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        WorkersFigures figures = WorkersBenchmark.run(new WorkersSettings(2, CAP, 2, 1), dir,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(figures.passes()).extracting(WorkersFigures.Pass::workers, WorkersFigures.Pass::transfers,
                WorkersFigures.Pass::partitions, WorkersFigures.Pass::bytes, WorkersFigures.Pass::targetBytesPerS)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2, 2, 2 * 1024 * 1024L, CAP),
                        org.assertj.core.groups.Tuple.tuple(2, 4, 4, 4 * 1024 * 1024L, 2 * CAP));
        // How the partitions fall between the workers depends on who asks first: every byte is counted once.
        Map<String, Long> bytesByWorker = figures.passes().get(1).bytesByWorker();
        assertThat(bytesByWorker.keySet()).isSubsetOf("bench-worker-1", "bench-worker-2");
        assertThat(bytesByWorker.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4 * 1024 * 1024L);
        assertThat(figures.passes().get(1).uploadStepS()).isPositive();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("1 worker +2 files +2\\.1 MB in")
                .containsPattern("2 workers +4 files +4\\.2 MB in");
    }
}
