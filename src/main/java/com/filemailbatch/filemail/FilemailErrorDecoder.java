package com.filemailbatch.filemail;

import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns every non-2xx answer into a {@link FilemailApiException} from the error envelope. Replaces Feign's default
 * decoder, which would turn a {@code Retry-After} answer into its own RetryableException: retries are not decided here.
 */
final class FilemailErrorDecoder implements ErrorDecoder {

    /** Enough of a body to hold any envelope; a larger answer is not an envelope. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final ObjectMapper json;

    FilemailErrorDecoder(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        String operation = operationName(methodKey);
        JsonNode body = readBody(response);
        String responseStatus = text(body, "responsestatus");
        String errorMessage = text(body, "errormessage");
        List<ValidationError> validationErrors = validationErrors(body);
        if (body == null && response.reason() != null) {
            errorMessage = response.reason();
        }
        return FailureClassifier.exception(operation, response.status(), responseStatus, errorMessage,
                validationErrors, null).withRetryAfter(retryAfter(response));
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; anything unreadable is ignored. */
    static Duration retryAfter(Response response) {
        return retryAfter(response.headers().entrySet().stream()
                .filter(header -> header.getKey() != null && header.getKey().equalsIgnoreCase("Retry-After"))
                .flatMap(header -> header.getValue().stream())
                .toList());
    }

    /** The values of every {@code Retry-After} header of an answer; the first readable one wins. */
    static Duration retryAfter(Collection<String> values) {
        for (String value : values) {
            String text = value.trim();
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(Instant.now(), at);
                    return wait.isNegative() ? Duration.ZERO : wait;
                } catch (DateTimeParseException notADate) {
                    // ignore
                }
            }
        }
        return null;
    }

    /** {@code FilemailClient#initialize(InitializeTransferRequest)} becomes {@code initialize}. */
    static String operationName(String methodKey) {
        int hash = methodKey.indexOf('#');
        int paren = methodKey.indexOf('(');
        return hash >= 0 && paren > hash ? methodKey.substring(hash + 1, paren) : methodKey;
    }

    private JsonNode readBody(Response response) {
        if (response.body() == null) {
            return null;
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES);
            JsonNode node = json.readTree(bytes);
            return node != null && node.isObject() ? node : null;
        } catch (IOException | JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        if (body == null) {
            return null;
        }
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private List<ValidationError> validationErrors(JsonNode body) {
        JsonNode errors = body == null ? null : body.get("validationerrors");
        if (errors == null || !errors.isArray()) {
            return List.of();
        }
        // Entry by entry, so that one entry of an unexpected shape costs only itself, never the whole decoding.
        List<ValidationError> parsed = new ArrayList<>();
        for (JsonNode error : errors) {
            if (error.isObject()) {
                try {
                    parsed.add(json.convertValue(error, ValidationError.class));
                } catch (JacksonException e) {
                    // not a ValidationError: leave it out
                }
            }
        }
        return parsed;
    }
}
