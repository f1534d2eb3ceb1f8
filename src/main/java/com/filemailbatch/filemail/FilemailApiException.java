package com.filemailbatch.filemail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A Filemail call that failed, decoded from the error envelope (or from the transport failure). Its
 * {@link #failureClass()} says what the run should do with it.
 */
public final class FilemailApiException extends RuntimeException {

    private final FailureClass failureClass;
    /** HTTP status of the answer, or 0 when no answer arrived (connection refused, reset, timed out). */
    private final int httpStatus;
    /** The envelope's {@code responsestatus} ({@code InvalidApikey}, ...), or null. */
    private final String responseStatus;
    private final String errorMessage;
    private final List<ValidationError> validationErrors;
    /** The server's {@code Retry-After}, when it sent one. */
    private Duration retryAfter;

    FilemailApiException(FailureClass failureClass, String operation, int httpStatus, String responseStatus,
            String errorMessage, List<ValidationError> validationErrors, Throwable cause) {
        super(describe(operation, httpStatus, responseStatus, errorMessage, validationErrors), cause);
        this.failureClass = failureClass;
        this.httpStatus = httpStatus;
        this.responseStatus = responseStatus;
        this.errorMessage = errorMessage;
        this.validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
    }

    public FailureClass failureClass() {
        return failureClass;
    }

    /** How long the server asked us to wait ({@code Retry-After}), if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    FilemailApiException withRetryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String responseStatus() {
        return responseStatus;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public List<ValidationError> validationErrors() {
        return validationErrors;
    }

    /** The status to record: the envelope's name, or {@code HTTP 503} when the body had none. */
    public String statusLabel() {
        if (responseStatus != null) {
            return responseStatus;
        }
        return httpStatus == 0 ? "NoAnswer" : "HTTP " + httpStatus;
    }

    private static String describe(String operation, int httpStatus, String responseStatus, String errorMessage,
            List<ValidationError> validationErrors) {
        StringBuilder text = new StringBuilder("Filemail ").append(operation);
        if (httpStatus == 0) {
            text.append(" got no answer");
        } else {
            text.append(" answered HTTP ").append(httpStatus);
        }
        if (responseStatus != null) {
            text.append(' ').append(responseStatus);
        }
        if (errorMessage != null && !errorMessage.isBlank()) {
            text.append(": ").append(errorMessage);
        }
        if (validationErrors != null && !validationErrors.isEmpty()) {
            text.append(" [");
            for (int i = 0; i < validationErrors.size(); i++) {
                text.append(i == 0 ? "" : "; ").append(validationErrors.get(i).describe());
            }
            text.append(']');
        }
        return text.toString();
    }
}
