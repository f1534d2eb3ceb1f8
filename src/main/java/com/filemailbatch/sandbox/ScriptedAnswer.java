package com.filemailbatch.sandbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An error a test queued with {@link FilemailSandbox#respondNext} or {@link FilemailSandbox#respondAfter}; used
 * once, by the first matching request once {@code toSkip} matching requests have gone by.
 *
 * @param retryAfter sent as a {@code Retry-After} header; null sends none
 * @param toSkip     matching requests still to let through before this answer applies
 */
record ScriptedAnswer(String method, String path, int httpStatus, String responseStatus, String errorMessage,
        Duration retryAfter, AtomicInteger toSkip) {

    boolean matches(String requestMethod, String requestPath) {
        return method.equalsIgnoreCase(requestMethod) && path.equals(requestPath);
    }

    /** Whether this matching request is one to let through (counted); false once the answer applies. */
    boolean skips() {
        return toSkip.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }
}
