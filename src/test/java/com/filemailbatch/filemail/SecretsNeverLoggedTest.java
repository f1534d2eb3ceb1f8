package com.filemailbatch.filemail;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Clob;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * With every log turned up as far as it goes (Feign at {@code full}, everything at DEBUG, the JDK's HTTP client and
 * server too), a run that initializes a password-protected transfer, uploads a file to another and cancels them,
 * and a read of the sent list (which gives every transfer's key), write neither the API key, the password nor a
 * transfer key to the console, the log file or the database.
 */
@FilemailBatchTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "spring.cloud.openfeign.client.config.filemail.logger-level=full",
        "logging.level.com.filemailbatch=DEBUG",
        "logging.level.feign=DEBUG",
        "logging.level.root=DEBUG",
        // Pinned to INFO by application.properties: a user who turns them up must not see a key either.
        "logging.level.jdk.internal.httpclient.debug=TRACE",
        "logging.level.com.sun.net.httpserver=TRACE",
        "logging.threshold.console=TRACE",
        // A file of this context's own: logging starts before the sandbox initializer sets filemail.data-dir.
        "logging.file.name=${java.io.tmpdir}/filemail-batch-secrets-${random.uuid}.log"})
class SecretsNeverLoggedTest {

    private static final String PASSWORD = "Tr0ub4dor-x9q-secret";
    private static final String API_PASSWORD = "an0ther \"quoted\" secret";

    @Autowired
    FilemailApi api;

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobRuns jobs;

    @TempDir
    Path dir;

    @Test
    void noSecretReachesTheLogsOrTheDatabase(CapturedOutput output) throws Exception {
        TestData.reset(jdbc, sandbox);
        Files.writeString(dir.resolve("plans.txt"), "the plans");
        Path input = TestData.csv(dir, "secret.csv", "reference,subject,to,password,files",
                "S-1,Secret plans,ann@example.com," + PASSWORD + ",",
                "S-2,Uploaded plans,ann@example.com,,plans.txt");

        JobExecution send = jobs.send(input, LocalDate.of(2026, 11, 25));
        Thread.sleep(5);
        JobExecution cleanup = jobs.cleanup(Duration.ZERO, false);

        assertThat(send.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(cleanup.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestData.ledgerStatuses(jdbc)).containsEntry("S-1", "CANCELLED").containsEntry("S-2", "COMPLETED");
        // The sent list answers with every transfer's key, other transfers' included.
        assertThat(api.sentTransfers("plans")).isNotEmpty();

        // The same through the API directly, with a password that needs escaping in JSON.
        TransferInitializeResult direct = api.initialize(new InitializeTransferRequest(null, "Direct", null,
                API_PASSWORD, null, null, null, null, null));
        assertThat(api.cancel(direct.transferid(), direct.transferkey())).isEqualTo(CancelOutcome.CANCELLED);

        List<SandboxTransfer> transfers = sandbox.transfers();
        assertThat(transfers).hasSize(3).filteredOn(t -> t.status() == SandboxTransfer.Status.CANCELLED).hasSize(2);
        assertThat(transfers).anyMatch(t -> t.initializeBody().contains(PASSWORD));
        List<String> secrets = new ArrayList<>(List.of(sandbox.apiKey(), PASSWORD, "an0ther"));
        transfers.forEach(t -> secrets.add(t.key()));

        String console = output.getAll();
        String logFile = Files.readString(logFile(), StandardCharsets.UTF_8);
        for (String log : List.of(console, logFile)) {
            // Feign's request log is really there, so the absence of secrets below means something.
            assertThat(log).contains("---> POST " + sandbox.baseUrl() + "/transfer/initialize",
                    "---> PUT " + sandbox.baseUrl() + "/transfer/cancel", "<--- HTTP/1.1 200",
                    "x-api-key: ***", "x-api-version: 2.0", "\"password\":\"***\"", "\"transferkey\":\"***\"",
                    "GET " + sandbox.baseUrl() + "/transfer/sent", "\"key\":\"***\"",
                    "jdk.internal.httpclient.debug", "/savefile.ashx?transferid=");
            for (String secret : secrets) {
                assertThat(log).as("a secret in the log").doesNotContain(secret);
            }
        }

        List<String> stored = databaseText();
        assertThat(stored).isNotEmpty().anyMatch(text -> text.contains("secret.csv"));
        for (String secret : secrets) {
            assertThat(stored).as("a secret in the database").noneMatch(text -> text.contains(secret));
        }
        assertThat(send.getJobParameters().toString()).doesNotContain(sandbox.apiKey());
        assertThat(cleanup.getJobParameters().toString()).doesNotContain(sandbox.apiKey());
        assertThat(jdbc.queryForList("SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS", String.class))
                .isNotEmpty().noneMatch(value -> value.contains(sandbox.apiKey()));
    }

    /**
     * The file the logging system really writes: logging starts before the test's data directory is set, so it
     * is not always {@code ${filemail.data-dir}/filemail-batch.log} of this context.
     */
    private static Path logFile() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Path> files = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appender -> {
            if (appender instanceof ch.qos.logback.core.FileAppender<?> file) {
                files.add(Path.of(file.getFile()));
            }
        });
        assertThat(files).as("file appenders of the root logger").hasSize(1);
        return files.get(0);
    }

    /** Every text value of our tables and the job history tables. */
    private List<String> databaseText() throws Exception {
        List<String> tables = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'", String.class);
        assertThat(tables).contains("TRANSFER_LEDGER", "RUN_JOURNAL", "BATCH_JOB_EXECUTION_PARAMS",
                "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_CONTEXT");
        List<String> text = new ArrayList<>();
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM \"" + table + "\"")) {
                for (Object value : row.values()) {
                    if (value instanceof Clob clob) {
                        text.add(clob.getSubString(1, (int) clob.length()));
                    } else if (value instanceof byte[] bytes) {
                        text.add(new String(bytes, StandardCharsets.UTF_8));
                    } else if (value != null) {
                        text.add(value.toString());
                    }
                }
            }
        }
        return text;
    }
}
