package com.filemailbatch.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A syntax-only RFC 4180 scanner for the preflight pass: it finds record boundaries, counts fields and
 * physical lines, and keeps no cell text except, on request, the header's. That keeps the preflight's
 * memory flat however big the file is, and lets it name the line where a quote was opened, which
 * commons-csv does not report in a usable form.
 *
 * <p>It accepts exactly what commons-csv's {@code RFC4180} format accepts: a quote opens a quoted field
 * only as a field's first character; after the closing quote only whitespace may come before the comma or
 * line end; CR, LF and CRLF all end a line.
 */
final class RecordScanner {

    private static final int EOF = -1;
    private static final int END_OF_LINE = '\n';
    /** A header name longer than this is unknown anyway; the cap stops an unclosed quote swallowing the file. */
    private static final int MAX_KEPT_FIELD_LENGTH = 500;

    private final Reader in;
    private final String file;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean lastWasCarriageReturn;
    private long line = 1;

    private int c;
    private long charLine;

    private boolean keepFields;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private long recordLine;
    private int fieldCount;
    private boolean hasContent;

    RecordScanner(Reader in, String file) {
        this.in = in;
        this.file = file;
    }

    /** Whether the next records' cell texts are kept for {@link #fields()}: for the header only. */
    void keepFields(boolean keep) {
        this.keepFields = keep;
    }

    /** Scans one record; false at the end of the file. */
    boolean next() throws IOException {
        advance();
        if (c == EOF) {
            return false;
        }
        recordLine = charLine;
        fieldCount = 0;
        hasContent = false;
        fields.clear();
        while (true) {
            scanField();
            fieldCount++;
            if (keepFields) {
                fields.add(field.toString());
            }
            if (c != ',') {
                return true;
            }
            advance();
        }
    }

    long recordLine() {
        return recordLine;
    }

    int fieldCount() {
        return fieldCount;
    }

    /** A blank line: one field, empty or only whitespace. Such records are skipped, not counted as rows. */
    boolean isBlank() {
        return fieldCount == 1 && !hasContent;
    }

    List<String> fields() {
        return List.copyOf(fields);
    }

    private void scanField() throws IOException {
        field.setLength(0);
        if (c == '"') {
            scanQuotedField();
            return;
        }
        while (c != ',' && c != END_OF_LINE && c != EOF) {
            keep(c);
            advance();
        }
    }

    private void scanQuotedField() throws IOException {
        long openedAt = charLine;
        while (true) {
            advance();
            if (c == EOF) {
                throw InputFileException.at(file, openedAt, "a quoted field opened here is never closed");
            }
            if (c == '"') {
                advance();
                if (c != '"') {
                    break;
                }
            }
            keep(c);
        }
        while (c != ',' && c != END_OF_LINE && c != EOF) {
            if (!Character.isWhitespace(c)) {
                throw InputFileException.at(file, charLine, "unexpected " + Excerpt.quoted(String.valueOf((char) c))
                        + " after the closing quote of a field; write a quote inside a quoted field as two quotes (\"\")");
            }
            advance();
        }
    }

    private void keep(int ch) {
        if (!Character.isWhitespace(ch)) {
            hasContent = true;
        }
        if (keepFields && field.length() < MAX_KEPT_FIELD_LENGTH) {
            field.append((char) ch);
        }
    }

    /** Moves to the next character; CR, LF and CRLF all arrive as one END_OF_LINE, counted as one line. */
    private void advance() throws IOException {
        charLine = line;
        int ch = readRaw();
        if (ch == '\n' && lastWasCarriageReturn) {
            ch = readRaw();
        }
        lastWasCarriageReturn = ch == '\r';
        if (ch == '\r' || ch == '\n') {
            line++;
            ch = END_OF_LINE;
        }
        c = ch;
    }

    private int readRaw() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return EOF;
            }
        }
        return buffer[position++];
    }
}
