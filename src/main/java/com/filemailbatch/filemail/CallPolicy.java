package com.filemailbatch.filemail;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The one place that decides retries and pace for every Filemail call, and measures them
 * ({@link FilemailCallMetrics}). Only a {@link FailureClass#retryable()} failure is retried, with exponential backoff
 * and jitter, or after the server's {@code Retry-After} when it sent one (capped at {@code max-backoff}). The rate
 * limit, when set, is shared by all threads and all endpoints.
 */
@Component
public class CallPolicy {

    /** A wait long enough that any configured rate lets a caller through; a call never gives up on pacing. */
    private static final Duration PACE_TIMEOUT = Duration.ofMinutes(10);

    private final RetryRegistry retries;
    private final RateLimiter rateLimiter;
    private final FilemailCallMetrics metrics;

    /** Public so that callers outside Spring (the uploader's tests) can build one from plain properties. */
    public CallPolicy(FilemailProperties properties, FilemailCallMetrics metrics) {
        this.metrics = metrics;
        FilemailProperties.Retry retry = properties.retry();
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(retry.initialBackoff(),
                retry.multiplier(), 0.5, retry.maxBackoff());
        IntervalBiFunction<Object> wait = (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof FilemailApiException failure
                    && failure.retryAfter().isPresent()) {
                return Math.min(failure.retryAfter().get().toMillis(), retry.maxBackoff().toMillis());
            }
            return backoff.apply(attempt);
        };
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .intervalBiFunction(wait)
                .retryOnException(e -> e instanceof FilemailApiException failure
                        && failure.failureClass().retryable())
                .build());
        // Each operation's Retry is made on its first use: count the retries of every one of them.
        retries.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onRetry(event -> metrics.retried(event.getName())));
        this.rateLimiter = properties.rateLimit() > 0 ? RateLimiter.of("filemail", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Math.max(1, (long) (1e9 / properties.rateLimit()))))
                .timeoutDuration(PACE_TIMEOUT)
                .build()) : null;
    }

    /**
     * Runs {@code attempt} until it succeeds, fails with something not worth retrying, or the attempts are used up;
     * then the last failure is thrown as it was.
     */
    public <T> T withRetries(String operation, Supplier<T> attempt) {
        Retry retry = retries.retry(operation);
        return Retry.decorateSupplier(retry, attempt).get();
    }

    /**
     * One HTTP request to {@code endpoint}: waits for the rate limit's permission (at once when there is no limit),
     * then makes it, timed by its outcome. Public for requests made outside the Feign client, such as uploads, so
     * they share the same limit and meters.
     */
    public <T> T call(String endpoint, Supplier<T> request) {
        pace();
        long started = System.nanoTime();
        Throwable failure = null;
        try {
            return request.get();
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            metrics.called(endpoint, failure, System.nanoTime() - started);
        }
    }

    /** Waits for the rate limit's permission to make one request; returns at once when there is no limit. */
    void pace() {
        if (rateLimiter != null) {
            long started = System.nanoTime();
            rateLimiter.acquirePermission();
            metrics.waitedForRateLimit(System.nanoTime() - started);
        }
    }
}
