package com.filemailbatch.sandbox;

import java.time.Duration;

/**
 * Faults a {@link FilemailSandbox} injects at random, so a client can be shown to survive an overloaded or
 * flaky service. Each request to an API path (anything under {@code /transfer/}, and
 * {@code /savefile.ashx}) draws one number from a {@link java.util.Random} seeded with {@code seed}; the
 * shares are of those requests, so they are bounded, though which request gets which fault depends on the
 * order concurrent requests draw in.
 *
 * @param transientShare       share of API requests answered, before authentication and without any state
 *                             change, by one of four transient faults chosen uniformly: 429
 *                             {@code RateLimitExceeded}, 500 {@code UnknownError}, 503
 *                             {@code ServiceInterruption}, or the connection dropped without an answer
 * @param dropAfterCreateShare share of {@code POST /transfer/initialize} requests that create their transfer
 *                             normally and then lose the answer (the connection is dropped), so the client
 *                             sees an I/O error for a transfer that exists
 * @param retryAfter           sent as {@code Retry-After} (whole seconds, rounded up) on injected 429
 *                             answers; null sends none
 * @param seed                 seeds the draws, so a single-threaded run meets the same faults every time
 */
public record SandboxFaults(double transientShare, double dropAfterCreateShare, Duration retryAfter, long seed) {

    /** The seed of the factories: any fixed value keeps runs repeatable. */
    public static final long DEFAULT_SEED = 20240601L;

    public SandboxFaults {
        checkShare("transientShare", transientShare);
        checkShare("dropAfterCreateShare", dropAfterCreateShare);
        // Both faults come from one draw, so together they can cover at most every request.
        if (transientShare + dropAfterCreateShare > 1.0 + 1e-9) {
            throw new IllegalArgumentException("transientShare + dropAfterCreateShare must not exceed 1, was "
                    + (transientShare + dropAfterCreateShare));
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
        }
    }

    /** No faults: what a sandbox starts with unless told otherwise. */
    public static SandboxFaults none() {
        return new SandboxFaults(0, 0, null, DEFAULT_SEED);
    }

    /** Only transient faults, on this share of API requests, without {@code Retry-After}. */
    public static SandboxFaults transientShare(double share) {
        return new SandboxFaults(share, 0, null, DEFAULT_SEED);
    }

    public SandboxFaults withDropAfterCreateShare(double share) {
        return new SandboxFaults(transientShare, share, retryAfter, seed);
    }

    public SandboxFaults withRetryAfter(Duration retryAfter) {
        return new SandboxFaults(transientShare, dropAfterCreateShare, retryAfter, seed);
    }

    public SandboxFaults withSeed(long seed) {
        return new SandboxFaults(transientShare, dropAfterCreateShare, retryAfter, seed);
    }

    /** True when no request can meet a fault. */
    public boolean isNone() {
        return transientShare == 0 && dropAfterCreateShare == 0;
    }

    private static void checkShare(String name, double share) {
        // The negated form also rejects NaN.
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + share);
        }
    }
}
