package com.filemailbatch.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request schemas of the Filemail API, read from the OpenAPI documents under
 * {@code filemail/openapi/} on the classpath: {@code initialize.json} and {@code cancel.json} are exact
 * copies of Filemail's published specs, {@code complete.json} is written by hand from Filemail's Complete page (docs/filemail-api.md).
 *
 * <p>Public so that contract tests elsewhere can check the requests the real client sends.
 * Supports the OpenAPI 3.0 subset those documents use; see {@link SchemaWalker}.
 */
public final class OpenApiSchemas {

    private static final List<String> DOCUMENTS = List.of("initialize.json", "cancel.json", "complete.json");

    private final Map<String, JsonNode> schemas;

    private OpenApiSchemas(Map<String, JsonNode> schemas) {
        this.schemas = schemas;
    }

    /** Reads and merges the {@code components.schemas} of all bundled documents. */
    public static OpenApiSchemas load() {
        JsonMapper mapper = JsonMapper.builder().build();
        Map<String, JsonNode> schemas = new TreeMap<>();
        for (String document : DOCUMENTS) {
            JsonNode root = read(mapper, "/filemail/openapi/" + document);
            root.path("components").path("schemas").properties()
                    .forEach(entry -> schemas.putIfAbsent(entry.getKey(), entry.getValue()));
        }
        return new OpenApiSchemas(Map.copyOf(schemas));
    }

    /**
     * Validates {@code body} against the named component schema, e.g. {@code InitializeTransferRequest},
     * {@code CancelTransferRequest} or {@code CompleteTransferRequest}.
     *
     * @return the violations, empty when the body conforms
     * @throws IllegalArgumentException if no schema has that name
     */
    public List<SchemaViolation> validate(String schemaName, JsonNode body) {
        JsonNode schema = schemas.get(schemaName);
        if (schema == null) {
            throw new IllegalArgumentException("No schema named " + schemaName + "; known: " + schemas.keySet());
        }
        return new SchemaWalker(schemas).validateRoot(schema, body);
    }

    private static JsonNode read(JsonMapper mapper, String resource) {
        try (InputStream in = OpenApiSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
