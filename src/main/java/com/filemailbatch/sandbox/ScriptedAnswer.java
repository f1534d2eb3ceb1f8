package com.filemailbatch.sandbox;

import java.time.Duration;

/**
 * An error a test queued with {@link FilemailSandbox#respondNext}; used once by the next matching request.
 *
 * @param retryAfter sent as a {@code Retry-After} header; null sends none
 */
record ScriptedAnswer(String method, String path, int httpStatus, String responseStatus, String errorMessage,
        Duration retryAfter) {

    boolean matches(String requestMethod, String requestPath) {
        return method.equalsIgnoreCase(requestMethod) && path.equals(requestPath);
    }
}
