package com.filemailbatch.terminal;

/**
 * Text a user supplied (a CSV cell, a file name, a job-definition key, a reason read back from the database), made
 * safe to print on a terminal: every control character (ESC, BEL, NUL, CR, LF, DEL, C1), every invisible format
 * character (bidi controls such as U+202E, zero-width characters) and the line and paragraph separators are
 * written as {@code \u001b}, {@code \u202e} and so on, never raw. A raw one could recolour or clear the screen,
 * fake a line of output, or show a file name reordered. The escapes are JSON's, so JSON stays valid and means
 * the same. Everything else, backslashes included, is printed as it is.
 */
public final class Visible {

    private Visible() {
    }

    /** {@code text} with every control character made visible; null as {@code null}. */
    public static String text(Object text) {
        return escape(String.valueOf(text), false);
    }

    /**
     * Output of several lines that the tool built itself (JSON, a table) around values that may hold anything: its
     * line breaks stay, every other control character is made visible. Only for text whose values cannot hold a
     * raw line break (JSON escapes them); values of a table go through {@link #text} one by one.
     */
    public static String lines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLineBreaks) {
        int first = firstHidden(text, keepLineBreaks);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (isHidden(c) && !(keepLineBreaks && isLineBreak(text, i))) {
                out.append(c <= 0xFFFF ? String.format("\\u%04x", c) : String.format("\\u%04x\\u%04x",
                        (int) Character.highSurrogate(c), (int) Character.lowSurrogate(c)));
            } else {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static int firstHidden(String text, boolean keepLineBreaks) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (isHidden(c) && !(keepLineBreaks && isLineBreak(text, i))) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** LF, or CR just before LF. */
    private static boolean isLineBreak(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
    }

    private static boolean isHidden(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }
}
