package com.filemailbatch.csv;

/**
 * Quotes a value from the file for a one-line message: control characters are escaped so an embedded
 * newline cannot break the line, and so are invisible format characters (a bidirectional override would reorder
 * the rest of the message); long values are cut, between two characters, so a 5000-character cell does not flood
 * the log.
 */
final class Excerpt {

    private static final int MAX_LENGTH = 60;
    /** A column name longer than this is not a column name: only its start is needed to find it. */
    static final int HEADER_LENGTH = 24;

    private Excerpt() {
    }

    static String quoted(String value) {
        return quoted(value, MAX_LENGTH);
    }

    static String quoted(String value, int maxLength) {
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(value.length(), maxLength);
        if (shown < value.length() && Character.isHighSurrogate(value.charAt(shown - 1))) {
            shown--;
        }
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || isInvisible(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (shown < value.length()) {
            out.append("...");
        }
        return out.append('\'').toString();
    }

    private static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
