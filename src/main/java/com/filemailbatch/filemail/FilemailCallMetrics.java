package com.filemailbatch.filemail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The meters of the calls to Filemail, kept by {@link CallPolicy} for every request it makes (the API's and the
 * uploads'): the time of each attempt by endpoint and outcome, the retries by endpoint, and the waits for the rate
 * limit. Everything is registered at zero for every endpoint and outcome: a scrape sees the meters before the first
 * call, and Prometheus' {@code increase()} counts the first failure (a series that appears at 1 counts as 0).
 */
@Component
public final class FilemailCallMetrics {

    static final String CALLS = "filemail.batch.api.calls";
    static final String RETRIES = "filemail.batch.api.retries";
    static final String RATE_LIMIT_WAITS = "filemail.batch.api.rate.limit.waits";

    /** Every endpoint the tool calls, as its callers name them; {@code upload} is one request of an upload. */
    static final List<String> ENDPOINTS = List.of("initialize", "cancel", "complete", "details", "sent", "upload");
    static final String SUCCESS = "success";
    /** A call that ended in something other than an answer or a {@link FilemailApiException} (interrupted). */
    static final String ERROR = "error";

    private final MeterRegistry registry;
    private final Timer rateLimitWaits;

    public FilemailCallMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String endpoint : ENDPOINTS) {
            calls(endpoint, SUCCESS);
            for (FailureClass failure : FailureClass.values()) {
                calls(endpoint, tag(failure));
            }
            retries(endpoint);
        }
        this.rateLimitWaits = Timer.builder(RATE_LIMIT_WAITS)
                .description("Waits for the rate limit's permission before a request (filemail.rate-limit)")
                .register(registry);
    }

    /** One attempt ended: {@code failure} is null when Filemail answered with success. */
    void called(String endpoint, Throwable failure, long nanos) {
        calls(endpoint, outcome(failure)).record(nanos, TimeUnit.NANOSECONDS);
    }

    void retried(String endpoint) {
        retries(endpoint).increment();
    }

    void waitedForRateLimit(long nanos) {
        rateLimitWaits.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@code success}, the failure's class in lower case ({@code transient}, {@code row}, ...), or {@code error}. */
    static String outcome(Throwable failure) {
        if (failure == null) {
            return SUCCESS;
        }
        return failure instanceof FilemailApiException api ? tag(api.failureClass()) : ERROR;
    }

    private static String tag(FailureClass failure) {
        return failure.name().toLowerCase(Locale.ROOT);
    }

    private Timer calls(String endpoint, String outcome) {
        return Timer.builder(CALLS)
                .description("Requests to Filemail (each attempt, retries included) by endpoint and outcome")
                .tag("endpoint", endpoint)
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter retries(String endpoint) {
        return Counter.builder(RETRIES)
                .description("Requests to Filemail made again after a transient failure")
                .baseUnit("retries")
                .tag("endpoint", endpoint)
                .register(registry);
    }
}
