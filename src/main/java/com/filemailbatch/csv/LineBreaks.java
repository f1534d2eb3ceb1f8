package com.filemailbatch.csv;

import org.apache.commons.csv.CSVRecord;

/** Counts line breaks (CR, LF or CRLF, as the scanner and commons-csv do) inside a record's cells. */
final class LineBreaks {

    private LineBreaks() {
    }

    static long in(CSVRecord record) {
        long count = 0;
        for (String value : record) {
            count += in(value);
        }
        return count;
    }

    static long in(String value) {
        long count = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || (c == '\n' && (i == 0 || value.charAt(i - 1) != '\r'))) {
                count++;
            }
        }
        return count;
    }
}
