package com.filemailbatch.sandbox;

/**
 * One way a request body breaks its OpenAPI schema, shaped like Filemail's {@code ValidationError}.
 *
 * @param propertyName the JSON property, with a path for nested values ({@code customfields[0].value});
 *                     {@code body} when the body as a whole is wrong
 * @param errorCode    a {@code FilemailStatusEnum} name: {@code InputParameterMissing} for a missing
 *                     required property, {@code InvalidParameter} for everything else
 * @param errorMessage a human-readable explanation
 */
public record SchemaViolation(String propertyName, String errorCode, String errorMessage) {

    static SchemaViolation missing(String propertyName) {
        return new SchemaViolation(propertyName, "InputParameterMissing", "'" + propertyName + "' is required.");
    }

    static SchemaViolation invalid(String propertyName, String message) {
        return new SchemaViolation(propertyName, "InvalidParameter", "'" + propertyName + "' " + message);
    }
}
