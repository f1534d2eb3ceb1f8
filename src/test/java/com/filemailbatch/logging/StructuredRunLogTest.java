package com.filemailbatch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real run with the log file in JSON (Spring Boot's ECS format, the documented switch) and every log turned up:
 * each line is one JSON object, no secret is in any of them, and the lines the run's worker threads write (the
 * initialize calls, the file uploads) carry the run id and the step as the step's own lines do.
 */
@FilemailBatchTest
@TestPropertySource(properties = {
        "logging.structured.format.file=ecs",
        "spring.cloud.openfeign.client.config.filemail.logger-level=full",
        "logging.level.root=DEBUG",
        "logging.level.jdk.internal.httpclient.debug=TRACE",
        // A file of this context's own: logging starts before the sandbox initializer sets filemail.data-dir.
        "logging.file.name=${java.io.tmpdir}/filemail-batch-json-${random.uuid}.log"})
class StructuredRunLogTest {

    private static final String PASSWORD = "Tr0ub4dor-x9q-secret";

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobRuns jobs;

    @TempDir
    Path dir;

    /**
     * Spring Boot passes the format to Logback as a system property, which outlives this context: left set, every
     * context started after it in this JVM would log in JSON too, whatever its own settings.
     */
    @AfterAll
    static void plainLogsForTheContextsAfterThisOne() {
        System.clearProperty(LoggingSystemProperty.FILE_STRUCTURED_FORMAT.getEnvironmentVariableName());
    }

    @Test
    void everyLineIsMaskedJsonAndTheWorkerThreadsLinesCarryTheRunAndStep() throws Exception {
        TestData.reset(jdbc, sandbox);
        Files.writeString(dir.resolve("plans.txt"), "the plans");
        Path input = TestData.csv(dir, "json.csv", "reference,subject,to,password,files",
                "J-1,Secret plans,ann@example.com," + PASSWORD + ",",
                "J-2,Uploaded plans,bob@example.com,,plans.txt");

        JobExecution run = jobs.send(input, LocalDate.of(2026, 11, 26));

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(MDC.get(RunLogContext.RUN_ID)).as("the launching thread's context ends with the run").isNull();
        List<String> secrets = new ArrayList<>(List.of(sandbox.apiKey(), PASSWORD));
        sandbox.transfers().stream().map(SandboxTransfer::key).forEach(secrets::add);
        String log = Files.readString(logFile(), StandardCharsets.UTF_8);
        for (String secret : secrets) {
            assertThat(log).as("a secret in the log").doesNotContain(secret);
        }
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> calls = new ArrayList<>();
        List<JsonNode> uploads = new ArrayList<>();
        for (String line : log.lines().toList()) {
            JsonNode event = json.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            String thread = event.path("process").path("thread").path("name").asString();
            if (thread.startsWith("filemail-call-")) {
                calls.add(event);
            } else if (thread.startsWith("file-upload-")) {
                uploads.add(event);
            }
        }
        String runId = Long.toString(run.getId());
        assertThat(calls).as("lines of the call threads").isNotEmpty().allSatisfy(event -> {
            assertThat(event.path(RunLogContext.RUN_ID).asString()).as(event.toString()).isEqualTo(runId);
            assertThat(event.path(RunLogContext.STEP).asString()).as(event.toString())
                    .isIn("resumeUnsentTransfersStep", "initializeTransfersStep", "uploadTransfersStep");
        });
        assertThat(calls).as("Feign's request log of initialize, on a call thread")
                .anySatisfy(event -> assertThat(event.path("message").asString())
                        .contains("---> POST " + sandbox.baseUrl() + "/transfer/initialize"))
                .anySatisfy(event -> assertThat(event.path(RunLogContext.STEP).asString())
                        .isEqualTo("initializeTransfersStep"));
        assertThat(uploads).as("lines of the upload threads").isNotEmpty().allSatisfy(event -> {
            assertThat(event.path(RunLogContext.RUN_ID).asString()).as(event.toString()).isEqualTo(runId);
            assertThat(event.path(RunLogContext.STEP).asString()).isEqualTo("uploadTransfersStep");
        });
        assertThat(log).contains("transferkey=***", "\"password\\\":\\\"***\\\"");
    }

    /** The file the logging system really writes (see SecretsNeverLoggedTest). */
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
}
