package com.filemailbatch.filemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The meters {@link CallPolicy} keeps, on a real registry: what a scrape sees before and after calls. */
class FilemailCallMetricsTest {

    private static final Duration SHORT = Duration.ofMillis(1);

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void everyEndpointAndOutcomeIsThereAtZeroBeforeTheFirstCall() {
        new FilemailCallMetrics(registry);

        for (String endpoint : List.of("initialize", "cancel", "complete", "details", "sent", "upload")) {
            for (String outcome : List.of("success", "transient", "row", "quota", "fatal")) {
                assertThat(registry.get("filemail.batch.api.calls").tag("endpoint", endpoint).tag("outcome", outcome)
                        .timer().count()).as(endpoint + " " + outcome).isZero();
            }
            assertThat(registry.get("filemail.batch.api.retries").tag("endpoint", endpoint).counter().count())
                    .isZero();
        }
        assertThat(registry.get("filemail.batch.api.rate.limit.waits").timer().count()).isZero();
    }

    @Test
    void eachAttemptIsTimedByItsOutcomeAndEachRetryCounted() {
        CallPolicy policy = policy(0);
        AtomicInteger attempts = new AtomicInteger();

        String answer = policy.withRetries("complete", () -> policy.call("complete", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw FailureClassifier.exception("complete", 503, "ServiceInterruption", null, List.of(), null);
            }
            return "done";
        }));
        assertThatThrownBy(() -> policy.withRetries("initialize", () -> policy.call("initialize", () -> {
            throw FailureClassifier.exception("initialize", 406, "ApiKeyQuotaExceeded", null, List.of(), null);
        }))).isInstanceOf(FilemailApiException.class);

        assertThat(answer).isEqualTo("done");
        assertThat(calls("complete", "transient")).isEqualTo(2);
        assertThat(calls("complete", "success")).isEqualTo(1);
        assertThat(retries("complete")).isEqualTo(2);
        assertThat(calls("initialize", "quota")).as("not retried").isEqualTo(1);
        assertThat(retries("initialize")).isZero();
    }

    @Test
    void aCallThatEndsWithoutAnAnswerOrAFilemailFailureIsAnError() {
        CallPolicy policy = policy(0);

        assertThatThrownBy(() -> policy.call("upload", () -> {
            throw new CancellationException("interrupted");
        })).isInstanceOf(CancellationException.class);

        assertThat(calls("upload", "error")).isEqualTo(1);
    }

    @Test
    void everyRequestWaitsForTheRateLimitAndTheWaitIsTimed() {
        CallPolicy policy = policy(1000);

        for (int call = 0; call < 3; call++) {
            policy.call("details", () -> "answer");
        }

        assertThat(registry.get("filemail.batch.api.rate.limit.waits").timer().count()).isEqualTo(3);
        assertThat(calls("details", "success")).isEqualTo(3);
    }

    private long calls(String endpoint, String outcome) {
        return registry.get("filemail.batch.api.calls").tag("endpoint", endpoint).tag("outcome", outcome).timer()
                .count();
    }

    private double retries(String endpoint) {
        return registry.get("filemail.batch.api.retries").tag("endpoint", endpoint).counter().count();
    }

    private CallPolicy policy(double rateLimit) {
        return new CallPolicy(new FilemailProperties("http://x", "k", rateLimit,
                new FilemailProperties.Retry(5, SHORT, SHORT, 2.0, 10)), new FilemailCallMetrics(registry));
    }
}
