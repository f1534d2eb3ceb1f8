package com.filemailbatch.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The filters of a list page as typed: blank is "any", and a value that is not one is said, not thrown. */
final class FilterValues {

    private FilterValues() {
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The trimmed value, or null for blank. */
    static String text(String value) {
        return blank(value) ? null : value.trim();
    }

    /** The date typed, or null when blank or not a date (then {@code problems} says so, naming the field). */
    static LocalDate date(String name, String value, List<String> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(name + " '" + value + "' is not a date such as 2026-11-30.");
            return null;
        }
    }
}
