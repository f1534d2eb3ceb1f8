package com.filemailbatch.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One request the sandbox received, with the HTTP status it answered.
 *
 * @param query      the raw (still URL-encoded) query string, or null when there was none
 * @param headers    request headers with lower-case names
 * @param body       the body as UTF-8 text; null for uploads, whose bytes are not kept here
 * @param bodyLength the body's length in bytes
 * @param status     the HTTP status answered; 0 when the connection was dropped without an answer
 *                   ({@link FilemailSandbox#setUnavailable(boolean)})
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
        String body, long bodyLength, int status) {

    /** The first value of a header, looked up case-insensitively; null when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
