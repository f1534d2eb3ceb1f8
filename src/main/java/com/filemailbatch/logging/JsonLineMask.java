package com.filemailbatch.logging;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Masks a structured (JSON) log line value by value: each string of the object goes through {@link SecretMask} as
 * the text it stands for, and the line is written again. Masking the line's text instead would miss a JSON body in a
 * message (its quotes are escaped there) and could cut a line short (a header's value is masked to the end of its
 * text), leaving a line that is no longer JSON.
 */
final class JsonLineMask {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLineMask() {
    }

    /**
     * @return the line with every secret masked (the same instance when there was none), or null when it is not one
     *         JSON object (then it is masked as text)
     */
    static String mask(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        if (end < 2 || line.charAt(0) != '{' || line.charAt(end - 1) != '}') {
            return null;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(line.substring(0, end));
        } catch (JacksonException notJson) {
            return null;
        }
        if (!(tree instanceof ObjectNode object)) {
            return null;
        }
        return maskStrings(object) ? JSON.writeValueAsString(object) + line.substring(end) : line;
    }

    /** @return whether a value was masked */
    private static boolean maskStrings(JsonNode node) {
        boolean masked = false;
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(name);
                StringNode replacement = masked(value);
                if (replacement != null) {
                    object.replace(name, replacement);
                }
                masked |= replacement != null || maskStrings(value);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                StringNode replacement = masked(value);
                if (replacement != null) {
                    array.set(i, replacement);
                }
                masked |= replacement != null || maskStrings(value);
            }
        }
        return masked;
    }

    /** The masked string, or null when {@code value} is not a string or holds no secret. */
    private static StringNode masked(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        String text = value.stringValue();
        String masked = SecretMask.mask(text);
        return masked == text ? null : StringNode.valueOf(masked);
    }
}
