package com.filemailbatch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mask on real Logback appenders of a context of the test's own: whatever a logger writes, in its message,
 * its exception or its thread name, reaches the file masked, also through an async appender.
 */
class LogMaskingTest {

    private static final String KEY = "d04978d9-cf67-405a-89a4-43ad06e43a34";
    private static final String URL = "http://127.0.0.1:4000/savefile.ashx?transferid=t1&transferkey=" + KEY;

    @TempDir
    Path dir;

    @Test
    void everyLineAnyLoggerWritesIsMasked() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        FileAppender<ILoggingEvent> direct = file(context, "direct.log");
        FileAppender<ILoggingEvent> behindAsync = file(context, "async.log");
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.addAppender(behindAsync);
        async.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.TRACE);
        root.addAppender(direct);
        context.getLogger("jdk.internal.httpclient.debug").addAppender(async);

        assertThat(LogMasking.install(context)).isEqualTo(2);
        assertThat(LogMasking.install(context)).as("installed once").isZero();

        Logger jdk = context.getLogger("jdk.internal.httpclient.debug");
        jdk.debug("ClientImpl (async) send {} POST", URL);
        jdk.trace("Exchange request line: POST /savefile.ashx?transferkey=" + KEY + " HTTP/1.1");
        context.getLogger("feign").debug("failed", new IllegalStateException("no answer from " + URL));
        context.stop();

        String directLog = Files.readString(dir.resolve("direct.log"), StandardCharsets.UTF_8);
        String asyncLog = Files.readString(dir.resolve("async.log"), StandardCharsets.UTF_8);
        assertThat(directLog).contains("transferkey=***", "IllegalStateException: no answer from").doesNotContain(KEY);
        assertThat(asyncLog).contains("send http://127.0.0.1:4000/savefile.ashx?transferid=t1&transferkey=*** POST")
                .doesNotContain(KEY);
    }

    private FileAppender<ILoggingEvent> file(LoggerContext context, String name) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d %level [%thread] %logger : %m%n%ex");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setFile(dir.resolve(name).toString());
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
