package com.filemailbatch.filemail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import feign.Request;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Secrets never reach the log, whatever Feign's log level; everything else is logged as it was. */
class RedactingFeignLoggerTest {

    @Test
    void secretHeadersAreMaskedWhateverTheirCase() {
        assertThat(RedactingFeignLogger.redact("x-api-key", "k-123")).containsExactly("x-api-key", "***");
        assertThat(RedactingFeignLogger.redact("X-Api-Key", "k-123")).containsExactly("X-Api-Key", "***");
        assertThat(RedactingFeignLogger.redact("logintoken", "t-456")).containsExactly("logintoken", "***");
        assertThat(RedactingFeignLogger.redact("Authorization", "Bearer t")).containsExactly("Authorization", "***");
    }

    @Test
    void otherHeadersAreLoggedAsTheyAre() {
        assertThat(RedactingFeignLogger.redact("x-api-version", "2.0")).containsExactly("x-api-version", "2.0");
        assertThat(RedactingFeignLogger.redact("Content-Type", "application/json"))
                .containsExactly("Content-Type", "application/json");
    }

    @Test
    void secretJsonFieldsAreMasked() {
        String body = "{\"subject\":\"Invoice\",\"password\":\"s3cret\",\"days\":7}";

        assertThat(RedactingFeignLogger.redact(body))
                .containsExactly("{\"subject\":\"Invoice\",\"password\":\"***\",\"days\":7}");
        assertThat(RedactingFeignLogger.redact("{\"transferid\":\"abc\",\"transferkey\" : \"9f1e-77\"}"))
                .containsExactly("{\"transferid\":\"abc\",\"transferkey\" : \"***\"}");
        assertThat(RedactingFeignLogger.redact("{\"refreshtoken\":\"r\",\"logintoken\":\"l\",\"incomingpassword\":\"i\"}"))
                .containsExactly("{\"refreshtoken\":\"***\",\"logintoken\":\"***\",\"incomingpassword\":\"***\"}");
    }

    @Test
    void escapedQuotesAndBackslashesInASecretDoNotEndTheMaskEarly() {
        // JSON text: {"password":"a\"b\\","subject":"x\"y"}
        String body = "{\"password\":\"a\\\"b\\\\\",\"subject\":\"x\\\"y\"}";

        assertThat(RedactingFeignLogger.redact(body))
                .containsExactly("{\"password\":\"***\",\"subject\":\"x\\\"y\"}");
    }

    @Test
    void everySecretInOneBodyIsMasked() {
        String answer = "{\"responsestatus\":\"OK\",\"data\":{\"transferid\":\"t1\",\"transferkey\":\"k1\","
                + "\"transferurl\":\"https://x/savefile.ashx\"},\"password\":\"p\"}";

        assertThat((String) RedactingFeignLogger.redact(answer)[0])
                .doesNotContain("k1").doesNotContain("\"p\"")
                .contains("\"transferkey\":\"***\"", "\"password\":\"***\"", "\"transferid\":\"t1\"");
    }

    @Test
    void aTransferKeyInAQueryStringIsMasked() {
        assertThat(RedactingFeignLogger.redact("---> POST %s", "https://x/savefile.ashx?transferid=t1&transferkey=k1&chunk=0"))
                .containsExactly("---> POST %s", "https://x/savefile.ashx?transferid=t1&transferkey=***&chunk=0");
        assertThat(RedactingFeignLogger.redact("POST", "https://x/savefile.ashx?transferkey=k1"))
                .containsExactly("POST", "https://x/savefile.ashx?transferkey=***");
    }

    @Test
    void otherTextIsUntouched() {
        Object[] args = {"POST", "https://api-public.filemail.com/transfer/initialize", 42,
                "{\"subject\":\"password reset\",\"passwordHint\":\"blue\",\"message\":\"transferkey=mine\"}", null};

        assertThat(RedactingFeignLogger.redact(args)).containsExactly(args);
        assertThat(RedactingFeignLogger.redact()).isEmpty();
    }

    @Test
    void feignsOwnRequestLogIsRedacted() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(FilemailClient.class);
        Level before = log.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        log.setLevel(Level.DEBUG);
        try {
            Map<String, Collection<String>> headers = Map.of("x-api-key", List.of("key-abc"),
                    "x-api-version", List.of("2.0"), "Content-Type", List.of("application/json"));
            Request request = Request.create(Request.HttpMethod.PUT, "https://api-public.filemail.com/transfer/cancel",
                    headers, "{\"transferid\":\"t1\",\"transferkey\":\"key-of-transfer\"}"
                            .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, null);

            // logRequest is protected in Feign's package: call it the way Feign does, from outside.
            Method logRequest = feign.slf4j.Slf4jLogger.class.getDeclaredMethod("logRequest", String.class,
                    feign.Logger.Level.class, Request.class);
            logRequest.setAccessible(true);
            logRequest.invoke(new RedactingFeignLogger(), "FilemailClient#cancel(TransferCredentials)",
                    feign.Logger.Level.FULL, request);
        } finally {
            log.detachAppender(appender);
            log.setLevel(before);
        }

        String logged = String.join("\n", appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(logged).contains("---> PUT https://api-public.filemail.com/transfer/cancel", "x-api-key: ***",
                "x-api-version: 2.0", "{\"transferid\":\"t1\",\"transferkey\":\"***\"}");
        assertThat(logged).doesNotContain("key-abc").doesNotContain("key-of-transfer");
    }
}
