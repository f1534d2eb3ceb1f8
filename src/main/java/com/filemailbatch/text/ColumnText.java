package com.filemailbatch.text;

/**
 * Diagnostic text (a reason, an error message, Filemail's name of a column) kept to its column's size: Filemail's
 * answers have no stated length, and a long one must not stop the run or make a row unrecordable.
 */
public final class ColumnText {

    private ColumnText() {
    }

    /**
     * At most {@code max} UTF-16 units (what H2 counts; PostgreSQL counts characters, never more), cut between two
     * characters and marked with {@code ...}: half of a surrogate pair would be stored as a replacement character,
     * or refused.
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 3;
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...";
    }
}
