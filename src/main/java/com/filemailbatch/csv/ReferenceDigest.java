package com.filemailbatch.csv;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The reference of a row that has none: {@code sha256:} and the hex SHA-256 of the row's normalized
 * content, so the same row dropped in again is recognized as already sent.
 *
 * <p>Each value is written length-prefixed (null distinct from empty), so that different rows cannot
 * produce the same encoding by shifting text between fields. The password is left out on purpose: the
 * reference is stored and logged, and a digest of a secret would let anyone test guesses against it.
 */
final class ReferenceDigest {

    /** Changing what goes into the digest changes every reference; bump this so old and new never mix. */
    private static final String VERSION = "filemail-batch reference v1";

    private final StringBuilder canonical = new StringBuilder(VERSION);

    private ReferenceDigest() {
    }

    /**
     * @param recipients trimmed; lower-cased here because mailbox domains (and in practice local parts) are
     *     case-insensitive
     */
    static String of(String subject, List<String> recipients, String message, String days, String notify,
            String confirmation, List<String> files) {
        ReferenceDigest digest = new ReferenceDigest();
        digest.value(subject);
        digest.list(recipients.stream().map(r -> r.toLowerCase(java.util.Locale.ROOT)).toList());
        digest.value(message);
        digest.value(days);
        digest.value(notify);
        digest.value(confirmation);
        digest.list(files);
        return "sha256:" + sha256(digest.canonical.toString());
    }

    private void value(String value) {
        if (value == null) {
            canonical.append("|-");
        } else {
            canonical.append('|').append(value.length()).append(':').append(value);
        }
    }

    private void list(List<String> values) {
        canonical.append("|#").append(values.size());
        values.forEach(this::value);
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
