package com.filemailbatch.csv;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns the input format knows, in the order the validator checks them. */
enum Column {

    REFERENCE, SUBJECT, TO, MESSAGE, PASSWORD, DAYS, NOTIFY, CONFIRMATION, FILES;

    private static final String KNOWN = Arrays.stream(values()).map(Column::headerName)
            .collect(Collectors.joining(", "));

    /** The canonical (lower-case) name used in the header and in messages. */
    String headerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Header names are matched trimmed and case-insensitively, so spreadsheet exports need no cleanup. */
    static Optional<Column> fromHeader(String name) {
        String canonical = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.headerName().equals(canonical)).findFirst();
    }

    static String knownNames() {
        return KNOWN;
    }
}
