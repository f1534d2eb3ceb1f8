package com.filemailbatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.support.JarProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes of the packaged jar launch the send job against one PostgreSQL database (the production setup, from
 * the environment variables the README documents): exactly one runs; the other says it was not started because the
 * lock is held, and exits 75. The second uses another input file: the lock is per job, not per input.
 *
 * <p>No timing is assumed: the stand-in answers slowly (5 s a call) until the second process has finished, so the
 * first is certainly still sending when the second checks the lock; then it answers at once and the first completes.
 */
@EnabledIf(value = "com.filemailbatch.support.PostgresContextInitializer$PostgresServer#available",
        disabledReason = "no PostgreSQL server at FILEMAIL_TEST_POSTGRES (default 127.0.0.1:5432)")
class OneRunAtATimeIT {

    private static final int ROWS = 200;
    private static final String SERVER = System.getenv().getOrDefault("FILEMAIL_TEST_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("FILEMAIL_TEST_POSTGRES_USER", "postgres");

    @TempDir
    Path work;

    @TempDir
    Path logs;

    private final String database = "filemail_batch_it_" + UUID.randomUUID().toString().replace("-", "")
            .substring(0, 12);
    private FilemailSandbox sandbox;

    @BeforeEach
    void databaseAndStandIn() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        }
        sandbox = FilemailSandbox.start();
    }

    @AfterEach
    void dropBoth() throws SQLException {
        sandbox.close();
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void twoProcessesLaunchTheSameJobAndExactlyOneRuns() throws Exception {
        Files.writeString(work.resolve("first.csv"), rows("FIRST", ROWS), StandardCharsets.UTF_8);
        Files.writeString(work.resolve("second.csv"), rows("SECOND", 5), StandardCharsets.UTF_8);
        Map<String, String> production = Map.of(
                "SPRING_DATASOURCE_URL", SERVER + database,
                "SPRING_DATASOURCE_USERNAME", USER,
                "SPRING_DATASOURCE_PASSWORD", "",
                "FILEMAIL_BATCH_SECRET", "one-secret-for-every-machine",
                "FILEMAIL_BASE_URL", sandbox.baseUrl().toString(),
                "FILEMAIL_API_KEY", sandbox.apiKey());
        sandbox.setLatency(Duration.ofSeconds(5));

        JarProcess.Launcher jar = JarProcess.in(work, logs).environment(production);
        JarProcess first = jar.start("run", "--input", "first.csv");
        // A bound that only a broken run reaches.
        assertThat(first.await(() -> sandbox.initializeCalls() > 0, Duration.ofMinutes(3)))
                .as("waiting for the first process to start sending\n" + first.describe()).isTrue();
        assertThat(first.isAlive()).as(first.describe()).isTrue();

        JarProcess second = jar.start("run", "--input", "second.csv");
        int secondExit = second.awaitExit(300);
        sandbox.setLatency(Duration.ZERO);
        int firstExit = first.awaitExit(300);

        assertThat(secondExit).as(second.describe()).isEqualTo(75);
        assertThat(second.err()).contains("Not started: another run of sendTransfersJob is in progress (lock held by "
                + "process ", ":" + first.pid() + ")", "only one runs at a time");
        assertThat(firstExit).as(first.describe()).isZero();
        assertThat(sandbox.initializeCalls()).isEqualTo(ROWS);
        try (Connection db = DriverManager.getConnection(SERVER + database, USER, "");
                Statement sql = db.createStatement()) {
            assertThat(single(sql, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("executions").isEqualTo(1);
            assertThat(single(sql, "SELECT COUNT(*) FROM transfer_ledger WHERE status = 'INITIALIZED'"))
                    .isEqualTo(ROWS);
            assertThat(single(sql, "SELECT COUNT(*) FROM transfer_ledger WHERE reference LIKE 'SECOND-%'")).isZero();
        }
    }

    private static String rows(String prefix, int count) {
        StringBuilder csv = new StringBuilder("reference,subject,to\r\n");
        for (int row = 1; row <= count; row++) {
            csv.append(String.format("%s-%04d,Lock test %d,user%d@example.com\r\n", prefix, row, row, row));
        }
        return csv.toString();
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
