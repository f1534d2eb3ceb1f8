package com.filemailbatch.upload;

import com.filemailbatch.filemail.FilemailApiException;
import com.filemailbatch.filemail.FilemailFailures;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upload URL's answer to one request: its status, the error envelope's {@code responsestatus} and
 * {@code errormessage} when it sent one, and any {@code Retry-After}. Success is HTTP 2xx, as in the clients
 * Filemail's upload page shows; the success body's format is not documented, so it is not read.
 */
record UploadAnswer(int status, String responseStatus, String errorMessage, List<String> retryAfter) {

    /** Enough for any envelope; a larger answer is not one and is not read further. */
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static UploadAnswer read(HttpResponse<InputStream> response) {
        List<String> retryAfter = response.headers().allValues("Retry-After");
        JsonNode envelope = null;
        try (InputStream body = response.body()) {
            // Read to its end even on success: a body closed unread takes its connection with it, and every
            // chunk would open a new one.
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES);
            if (response.statusCode() / 100 != 2) {
                envelope = parse(bytes);
            }
        } catch (IOException e) {
            // The status alone classifies the answer.
        }
        return new UploadAnswer(response.statusCode(), text(envelope, "responsestatus"),
                text(envelope, "errormessage"), retryAfter);
    }

    FilemailApiException failure(String operation) {
        return FilemailFailures.answered(operation, status, responseStatus, errorMessage, retryAfter);
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode envelope, String field) {
        JsonNode value = envelope == null ? null : envelope.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
