package com.filemailbatch.sandbox;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Checks one JSON value against one schema, collecting every violation rather than stopping at the first
 * (Filemail answers with the whole list in {@code validationerrors}).
 *
 * <p>The subset the Filemail documents use: {@code $ref} to {@code #/components/schemas}, {@code type}
 * object/string/integer/boolean/array, {@code required}, {@code minLength}/{@code maxLength} (counted in
 * UTF-16 units, as the .NET service does), {@code additionalProperties} false or a schema, {@code nullable},
 * {@code format} int32/int64, {@code items} and {@code enum}. Property names match case-sensitively, which
 * is stricter than the service and catches client typos early.
 */
final class SchemaWalker {

    private static final String REF_PREFIX = "#/components/schemas/";
    private static final String ROOT = "body";

    private final Map<String, JsonNode> schemas;
    private final List<SchemaViolation> violations = new ArrayList<>();

    SchemaWalker(Map<String, JsonNode> schemas) {
        this.schemas = schemas;
    }

    List<SchemaViolation> validateRoot(JsonNode schema, JsonNode body) {
        if (body == null || !body.isObject()) {
            violations.add(SchemaViolation.invalid(ROOT, "must be a JSON object."));
        } else {
            walk(resolve(schema), body, null);
        }
        return List.copyOf(violations);
    }

    private void walk(JsonNode schema, JsonNode value, String path) {
        String name = path == null ? ROOT : path;
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                violations.add(SchemaViolation.invalid(name, "must not be null."));
            }
            return;
        }
        String type = schema.path("type").asString("");
        switch (type) {
            case "object" -> walkObject(schema, value, path, name);
            case "array" -> walkArray(schema, value, path, name);
            case "string" -> checkString(schema, value, name);
            case "integer" -> checkInteger(schema, value, name);
            case "boolean" -> expect(value.isBoolean(), name, "must be a boolean.");
            default -> { /* untyped schema (e.g. "data"): anything goes */ }
        }
    }

    private void walkObject(JsonNode schema, JsonNode value, String path, String name) {
        if (!expect(value.isObject(), name, "must be an object.")) {
            return;
        }
        JsonNode properties = schema.path("properties");
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (String property : properties.propertyNames()) {
            String child = child(path, property);
            JsonNode childValue = value.get(property);
            if (childValue == null || (childValue.isNull() && required.contains(property))) {
                if (required.contains(property)) {
                    violations.add(SchemaViolation.missing(child));
                }
                continue;
            }
            walk(resolve(properties.get(property)), childValue, child);
        }
        JsonNode additional = schema.get("additionalProperties");
        for (String property : value.propertyNames()) {
            if (properties.has(property) || additional == null || additional.isBoolean() && additional.asBoolean()) {
                continue;
            }
            if (additional.isBoolean()) {
                violations.add(SchemaViolation.invalid(child(path, property), "is not a known property."));
            } else {
                walk(resolve(additional), value.get(property), child(path, property));
            }
        }
    }

    private void walkArray(JsonNode schema, JsonNode value, String path, String name) {
        if (!expect(value.isArray(), name, "must be an array.")) {
            return;
        }
        JsonNode items = schema.get("items");
        if (items == null) {
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            walk(resolve(items), value.get(i), name + "[" + i + "]");
        }
    }

    private void checkString(JsonNode schema, JsonNode value, String name) {
        if (!expect(value.isString(), name, "must be a string.")) {
            return;
        }
        int length = value.stringValue().length();
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            violations.add(SchemaViolation.invalid(name, "must be at least " + schema.get("minLength").asInt()
                    + " characters long."));
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            violations.add(SchemaViolation.invalid(name, "must be at most " + schema.get("maxLength").asInt()
                    + " characters long."));
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && !allowed.valueStream().anyMatch(a -> a.asString().equals(value.stringValue()))) {
            violations.add(SchemaViolation.invalid(name, "is not one of the allowed values."));
        }
    }

    private void checkInteger(JsonNode schema, JsonNode value, String name) {
        if (!expect(value.isIntegralNumber(), name, "must be an integer.")) {
            return;
        }
        BigInteger number = value.bigIntegerValue();
        String format = schema.path("format").asString("");
        boolean fits = switch (format) {
            case "int32" -> number.bitLength() < 32;
            case "int64" -> number.bitLength() < 64;
            default -> true;
        };
        expect(fits, name, "is out of range for " + format + ".");
    }

    private boolean expect(boolean condition, String name, String message) {
        if (!condition) {
            violations.add(SchemaViolation.invalid(name, message));
        }
        return condition;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String target = ref.asString();
        JsonNode resolved = target.startsWith(REF_PREFIX) ? schemas.get(target.substring(REF_PREFIX.length())) : null;
        if (resolved == null) {
            throw new IllegalStateException("Unresolvable $ref " + target);
        }
        return resolve(resolved);
    }

    private static String child(String path, String property) {
        return path == null ? property : path + "." + property;
    }
}
