package com.filemailbatch.csv;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;

/** Where each known column sits in the file, taken from the header row (line 1). */
final class Header {

    private final Map<Column, Integer> indexes;
    private final int width;

    private Header(Map<Column, Integer> indexes, int width) {
        this.indexes = indexes;
        this.width = width;
    }

    /**
     * Checks the header row and maps the columns. Unknown columns are an error rather than ignored: a
     * misspelt optional column ({@code notfy}) would otherwise silently drop a setting from every row.
     */
    static Header parse(List<String> names, String file) {
        if (names.stream().noneMatch(name -> Column.fromHeader(name).isPresent())) {
            // Not a file of ours (a password file given as the input, say): its first line is not quoted back.
            throw InputFileException.at(file, 1, "no column of the header is one this tool knows (known columns: "
                    + Column.knownNames() + "); this is not a transfer definition file, and its content is not shown");
        }
        Map<Column, Integer> indexes = new EnumMap<>(Column.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim();
            if (name.isEmpty()) {
                throw new InputFileException(file + ": line 1, column " + (i + 1) + ": the column has no name");
            }
            Column column = Column.fromHeader(name).orElseThrow(() -> InputFileException.at(file, 1,
                    "unknown column " + Excerpt.quoted(name, Excerpt.HEADER_LENGTH) + " (known columns: " + Column.knownNames() + ")"));
            if (indexes.putIfAbsent(column, i) != null) {
                throw InputFileException.at(file, 1, "column '" + column.headerName() + "' appears twice");
            }
        }
        if (!indexes.containsKey(Column.SUBJECT)) {
            throw InputFileException.at(file, 1, "column 'subject' is required in the header");
        }
        return new Header(indexes, names.size());
    }

    int width() {
        return width;
    }

    /** The raw cell, or null when the column is not in the file, the row is too short or the cell is empty. */
    String cell(CSVRecord record, Column column) {
        Integer index = indexes.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index);
        return value.isEmpty() ? null : value;
    }
}
