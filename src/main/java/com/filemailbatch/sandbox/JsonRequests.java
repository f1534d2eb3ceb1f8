package com.filemailbatch.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Turns a JSON request into a validated body, failing the way the service does. */
final class JsonRequests {

    /** The request media types the Filemail specs accept; parameters such as charset are ignored. */
    private static final Pattern JSON_MEDIA_TYPE =
            Pattern.compile("application/json|text/json|application/json-patch\\+json|application/[^/;\\s]+\\+json");

    /** Deliberately loose: one @, no spaces, a dot in the domain. The service's exact rule is not documented. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final OpenApiSchemas schemas;

    JsonRequests(OpenApiSchemas schemas) {
        this.schemas = schemas;
    }

    JsonNode read(SandboxRequest request, String schemaName) {
        String contentType = request.header("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!JSON_MEDIA_TYPE.matcher(mediaType).matches()) {
            throw SandboxError.of(400, "InvalidRequest",
                    "Unsupported Content-Type '" + contentType + "'; send application/json.");
        }
        JsonNode body;
        try {
            body = Envelopes.JSON.readTree(new String(request.body(), StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw SandboxError.invalidParameter("body", "is not valid JSON: " + e.getOriginalMessage());
        }
        List<SchemaViolation> violations = schemas.validate(schemaName, body);
        if (!violations.isEmpty()) {
            throw SandboxError.validation(violations);
        }
        return body;
    }

    /** The real service rejects malformed recipients, which the schema alone does not express. */
    static void checkRecipients(JsonNode body) {
        JsonNode to = body.path("to");
        for (int i = 0; i < to.size(); i++) {
            if (!EMAIL.matcher(to.get(i).asString()).matches()) {
                String property = "to[" + i + "]";
                throw new SandboxError(400, "InvalidEmail", "Invalid e-mail address: " + to.get(i).asString(),
                        List.of(new SchemaViolation(property, "InvalidEmail",
                                "'" + to.get(i).asString() + "' is not a valid e-mail address.")));
            }
        }
    }
}
