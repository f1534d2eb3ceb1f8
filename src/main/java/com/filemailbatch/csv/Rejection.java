package com.filemailbatch.csv;

/**
 * A row that breaks a rule; the run goes on without it.
 *
 * @param reference the given reference, or the digest of what could be read; null when the given reference is itself invalid
 * @param column the canonical (lower-case) name of the offending column, or null when the row does not fit the header
 * @param reason a short sentence naming the rule, e.g. {@code 'bob@' is not an e-mail address}
 */
public record Rejection(String sourceFile, long line, String reference, String column, String reason)
        implements Validation {

    /** The one-line message for the operator, e.g. {@code orders.csv: line 12, column 'to': 'bob@' is not an e-mail address}. */
    public String describe() {
        String where = column == null ? "line " + line : "line " + line + ", column '" + column + "'";
        return sourceFile + ": " + where + ": " + reason;
    }
}
