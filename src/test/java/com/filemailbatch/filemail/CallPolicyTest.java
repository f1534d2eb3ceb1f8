package com.filemailbatch.filemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallPolicyTest {

    private static final Duration SHORT = Duration.ofMillis(1);

    @Test
    void retriesTransientFailuresUntilOneSucceeds() {
        CallPolicy policy = policy(5, SHORT, Duration.ofMillis(5));
        AtomicInteger calls = new AtomicInteger();

        String answer = policy.withRetries("op", () -> {
            if (calls.incrementAndGet() < 3) {
                throw transientFailure(null);
            }
            return "done";
        });

        assertThat(answer).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void throwsTheLastFailureWhenTheAttemptsAreUsedUp() {
        CallPolicy policy = policy(4, SHORT, Duration.ofMillis(5));
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> policy.withRetries("op", () -> {
            calls.incrementAndGet();
            throw transientFailure(null);
        })).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.TRANSIENT));
        assertThat(calls).hasValue(4);
    }

    @Test
    void neverRetriesARowFatalOrQuotaAnswer() {
        CallPolicy policy = policy(5, SHORT, Duration.ofMillis(5));
        for (String status : List.of("InvalidEmail", "InvalidApikey", "ApiKeyQuotaExceeded")) {
            AtomicInteger calls = new AtomicInteger();
            assertThatThrownBy(() -> policy.withRetries("op", () -> {
                calls.incrementAndGet();
                throw FailureClassifier.exception("op", 400, status, null, List.of(), null);
            })).isInstanceOf(FilemailApiException.class);
            assertThat(calls).as(status).hasValue(1);
        }
    }

    @Test
    void waitsAsLongAsRetryAfterAsksRatherThanItsOwnBackoff() {
        // The own backoff is 1 ms; the server asks for 1 s. Only a lower bound is asserted: a slow machine waits longer.
        CallPolicy policy = policy(2, SHORT, Duration.ofSeconds(30));
        AtomicInteger calls = new AtomicInteger();
        long started = System.nanoTime();

        policy.withRetries("op", () -> {
            if (calls.incrementAndGet() == 1) {
                throw transientFailure(Duration.ofSeconds(1));
            }
            return "done";
        });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(calls).hasValue(2);
    }

    @Test
    void theRateLimitPacesEveryCallAcrossThreads() throws Exception {
        // 20 per second: 21 calls from 3 threads take at least a second. Only the lower bound is asserted.
        CallPolicy policy = new CallPolicy(new FilemailProperties("http://x", "k", 20,
                new FilemailProperties.Retry(1, SHORT, SHORT, 2.0, 10)),
                new FilemailCallMetrics(new SimpleMeterRegistry()));
        long started = System.nanoTime();
        Thread[] threads = new Thread[3];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int call = 0; call < 7; call++) {
                    policy.pace();
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void readsRetryAfterInSecondsOrAsAnHttpDate() {
        feign.Request request = feign.Request.create(feign.Request.HttpMethod.POST, "http://x/transfer/initialize",
                java.util.Map.of(), new byte[0], java.nio.charset.StandardCharsets.UTF_8, null);
        feign.Response seconds = feign.Response.builder().status(429).request(request)
                .headers(java.util.Map.of("Retry-After", List.of("7"))).build();
        feign.Response garbage = feign.Response.builder().status(429).request(request)
                .headers(java.util.Map.of("retry-after", List.of("soon"))).build();
        String inTenSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10));
        feign.Response date = feign.Response.builder().status(503).request(request)
                .headers(java.util.Map.of("Retry-After", List.of(inTenSeconds))).build();

        assertThat(FilemailErrorDecoder.retryAfter(seconds)).isEqualTo(Duration.ofSeconds(7));
        assertThat(FilemailErrorDecoder.retryAfter(garbage)).isNull();
        assertThat(FilemailErrorDecoder.retryAfter(date)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private static FilemailApiException transientFailure(Duration retryAfter) {
        return FailureClassifier.exception("op", 503, "ServiceInterruption", null,
                List.of(), null).withRetryAfter(retryAfter);
    }

    private static CallPolicy policy(int attempts, Duration initial, Duration max) {
        return new CallPolicy(new FilemailProperties("http://x", "k", 0,
                new FilemailProperties.Retry(attempts, initial, max, 2.0, 10)),
                new FilemailCallMetrics(new SimpleMeterRegistry()));
    }
}
