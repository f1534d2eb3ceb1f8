package com.filemailbatch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.FileAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Boot's structured (JSON) file logging behind the mask, in each of its formats, on a Logback context of the
 * test's own: every secret a line carries (in its message, a JSON body inside it, a header, an exception) is masked,
 * each line is still one JSON object, and the log context (run id, step) is there as fields.
 */
class StructuredLogMaskingTest {

    private static final String KEY = "d04978d9-cf67-405a-89a4-43ad06e43a34";
    private static final String UPLOAD_URL = "http://127.0.0.1:4000/savefile.ashx?transferid=t1&transferkey=" + KEY;
    private static final List<String> SECRETS = List.of(KEY, "k-of-t2-7f3a", "Tr0ub4dor-x9q", "api-key-5b1e");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "logstash", "gelf"})
    void everyJsonLineIsMaskedValueByValueAndStaysJson(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putObject(Environment.class.getName(),
                new MockEnvironment().withProperty("spring.application.name", "filemail-batch"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.DEBUG);
        root.addAppender(jsonFile(context, format));
        assertThat(LogMasking.install(context)).isEqualTo(1);

        context.getMDCAdapter().put(RunLogContext.RUN_ID, "42");
        context.getMDCAdapter().put(RunLogContext.STEP, "uploadTransfersStep");
        Logger log = context.getLogger("jdk.internal.httpclient.debug");
        log.debug("ClientImpl (async) send {} POST", UPLOAD_URL);
        log.debug("body {\"transfers\":[{\"id\":\"t2\",\"key\":\"k-of-t2-7f3a\",\"subject\":\"Zoë's plans\"}],"
                + "\"password\":\"Tr0ub4dor-x9q\"}");
        log.debug("[FilemailClient#sent] x-api-key: api-key-5b1e");
        log.warn("upload failed", new IllegalStateException("no answer from " + UPLOAD_URL));
        context.stop();

        String text = Files.readString(dir.resolve(format + ".log"), StandardCharsets.UTF_8);
        for (String secret : SECRETS) {
            assertThat(text).as("a secret in the %s log", format).doesNotContain(secret);
        }
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(4);
        JsonMapper json = JsonMapper.builder().build();
        String prefix = format.equals("gelf") ? "_" : "";
        StringBuilder values = new StringBuilder();
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.findValue(prefix + RunLogContext.RUN_ID).asString()).as(line).isEqualTo("42");
            assertThat(event.findValue(prefix + RunLogContext.STEP).asString()).as(line)
                    .isEqualTo("uploadTransfersStep");
            event.findValuesAsString("message").forEach(values::append);
            event.findValuesAsString("short_message").forEach(values::append);
            event.findValuesAsString("full_message").forEach(values::append);
            event.findValuesAsString("stack_trace").forEach(values::append);
        }
        assertThat(values.toString()).contains("savefile.ashx?transferid=t1&transferkey=*** POST",
                "\"key\":\"***\",\"subject\":\"Zoë's plans\"", "\"password\":\"***\"", "x-api-key: ***",
                "no answer from http://127.0.0.1:4000/savefile.ashx?transferid=t1&transferkey=***");
    }

    private FileAppender<ILoggingEvent> jsonFile(LoggerContext context, String format) {
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(format);
        appender.setFile(dir.resolve(format + ".log").toString());
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
