package com.filemailbatch.sandbox;

import java.util.List;

/**
 * Thrown by the sandbox's handlers to answer with a {@code FilemailErrorResponse}; the router turns it
 * into the envelope, so handlers read as the happy path plus early exits.
 */
final class SandboxError extends RuntimeException {

    private final int httpStatus;
    private final String responseStatus;
    private final List<SchemaViolation> violations;

    SandboxError(int httpStatus, String responseStatus, String message, List<SchemaViolation> violations) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.responseStatus = responseStatus;
        this.violations = violations;
    }

    static SandboxError of(int httpStatus, String responseStatus, String message) {
        return new SandboxError(httpStatus, responseStatus, message, null);
    }

    static SandboxError notFound(String message) {
        return of(400, "NotFound", message);
    }

    /** A 400 whose overall status is the first violation's code, as the service reports one status. */
    static SandboxError validation(List<SchemaViolation> violations) {
        SchemaViolation first = violations.get(0);
        return new SandboxError(400, first.errorCode(), "The request is invalid: " + first.errorMessage(), violations);
    }

    static SandboxError missingParameter(String name) {
        return validation(List.of(SchemaViolation.missing(name)));
    }

    static SandboxError invalidParameter(String name, String message) {
        return validation(List.of(SchemaViolation.invalid(name, message)));
    }

    int httpStatus() {
        return httpStatus;
    }

    String responseStatus() {
        return responseStatus;
    }

    List<SchemaViolation> violations() {
        return violations;
    }
}
