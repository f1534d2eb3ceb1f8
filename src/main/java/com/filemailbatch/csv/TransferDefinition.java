package com.filemailbatch.csv;

/**
 * One data row of the input file, as read: cells are exactly as in the file (not trimmed), or null when
 * the column is absent or the cell is empty. Checking and normalizing is the
 * {@link TransferDefinitionValidator}'s job, so a bad row still reaches it and is reported, not lost.
 *
 * @param sourceFile the file name as given to the reader
 * @param line the physical line where the record starts (the header is line 1)
 * @param notification the {@code notify} cell (a record component cannot be called {@code notify}: it
 *     would clash with {@link Object#notify()})
 * @param structureProblem null, or why the row does not fit the header, e.g. {@code 7 fields, the header has 5}
 */
public record TransferDefinition(
        String sourceFile,
        long line,
        String reference,
        String subject,
        String to,
        String message,
        String password,
        String days,
        String notification,
        String confirmation,
        String files,
        String structureProblem) {

    /** Never prints the password: rows end up in logs and in skip listeners' messages. */
    @Override
    public String toString() {
        return "TransferDefinition[sourceFile=" + sourceFile + ", line=" + line + ", reference=" + reference
                + ", subject=" + subject + ", to=" + to + ", message=" + message
                + ", password=" + (password == null ? "null" : "***") + ", days=" + days + ", notification=" + notification
                + ", confirmation=" + confirmation + ", files=" + files + ", structureProblem=" + structureProblem
                + "]";
    }
}
