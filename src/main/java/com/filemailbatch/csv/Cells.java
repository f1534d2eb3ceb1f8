package com.filemailbatch.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lenient readings of raw cells, shared by the rules and the reference digest. A cell of only whitespace
 * counts as not given: it is invisible in a spreadsheet, and treating it as a value would reject or key a
 * row on something the operator cannot see.
 */
final class Cells {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");

    private Cells() {
    }

    static String trimmed(String cell) {
        return cell == null || cell.isBlank() ? null : cell.trim();
    }

    /** The cell as it is, or null when not given: messages and passwords are not ours to trim. */
    static String asIs(String cell) {
        return cell == null || cell.isBlank() ? null : cell;
    }

    /** A {@code ;}-separated list, each item trimmed, empty items dropped. */
    static List<String> items(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split(";")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    /** The integer written in the (trimmed) text, or null when it is not a whole number of at most 9 digits. */
    static Integer integer(String text) {
        return INTEGER.matcher(text).matches() ? Integer.valueOf(text) : null;
    }

    static String lowerCase(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
