package com.filemailbatch.logging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Masks every secret in a text about to be written to a log: a {@code transferkey} in a URL's query, the secret
 * fields of a JSON body ({@code key}, {@code transferkey}, passwords, tokens), the API key header, anything of the
 * shape of a UUID (the shape of a transfer key), and the secrets {@linkplain #remember(String) remembered} (the
 * API key). Each becomes {@code ***}.
 *
 * <p>One set of rules for every log line: Feign's request log uses it at the source, and {@link MaskingEncoder}
 * applies it to whatever any logger writes, the JDK's HTTP client and server included.
 */
public final class SecretMask {

    /** What a masked secret reads as. */
    public static final String MASK = "***";

    private static final Pattern SECRET_QUERY = Pattern.compile("(?i)([?&](?:amp;)?transferkey=)[^&\\s\"'#<>]*");

    private static final Pattern SECRET_JSON_FIELDS = Pattern.compile("(?i)(\"(?:key|transferkey|password"
            + "|incomingpassword|logintoken|refreshtoken|apikey|x-api-key)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

    /** A header as Feign prints it ({@code name: value}) or as a map prints it ({@code name=[value]}). */
    private static final Pattern SECRET_HEADERS = Pattern.compile(
            "(?i)((?:x-api-key|logintoken|authorization)\\s*+[:=]\\s*+\\[?+)(?!\\*\\*\\*)[^\\s,\\]][^,\\]\\r\\n]*");

    private static final Pattern UUID_SHAPE = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Shorter values are not taken: masking every occurrence of a few common characters would garble the log. */
    private static final int SHORTEST_REMEMBERED = 8;

    private static final Set<String> REMEMBERED = ConcurrentHashMap.newKeySet();

    private SecretMask() {
    }

    /**
     * Masks {@code secret} wherever it appears in a log from now on, whatever surrounds it. For the few
     * long-lived secrets of the process (the API key), not for every transfer key: those are masked by the rules.
     */
    public static void remember(String secret) {
        if (secret != null && secret.strip().length() >= SHORTEST_REMEMBERED) {
            REMEMBERED.add(secret.strip());
        }
    }

    /** {@code text} with every secret replaced by {@link #MASK}; the same instance when there was none. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : REMEMBERED) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        masked = replace(SECRET_QUERY, masked, "$1" + MASK);
        masked = replace(SECRET_JSON_FIELDS, masked, "$1\"" + MASK + "\"");
        masked = replace(SECRET_HEADERS, masked, "$1" + MASK);
        masked = replace(UUID_SHAPE, masked, MASK);
        return masked.equals(text) ? text : masked;
    }

    private static String replace(Pattern pattern, String text, String replacement) {
        java.util.regex.Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.replaceAll(replacement) : text;
    }
}
