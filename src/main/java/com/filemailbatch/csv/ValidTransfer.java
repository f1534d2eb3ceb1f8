package com.filemailbatch.csv;

import java.util.List;

/**
 * A row that passed every rule, normalized: subject trimmed, recipients trimmed with empties dropped,
 * optional values null when not given.
 *
 * @param reference the row's idempotency key: the given one (trimmed), or a {@code sha256:} digest of the content
 * @param notification the {@code notify} column (a record component cannot be called {@code notify})
 * @param referenceGiven whether the reference came from the file rather than from the digest
 */
public record ValidTransfer(
        String reference,
        boolean referenceGiven,
        String subject,
        List<String> to,
        String message,
        String password,
        Integer days,
        Boolean notification,
        Boolean confirmation,
        List<String> files,
        String sourceFile,
        long line) implements Validation {

    public ValidTransfer {
        to = List.copyOf(to);
        files = List.copyOf(files);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ValidTransfer[reference=" + reference + ", referenceGiven=" + referenceGiven + ", subject=" + subject
                + ", to=" + to + ", message=" + message + ", password=" + (password == null ? "null" : "***")
                + ", days=" + days + ", notification=" + notification + ", confirmation=" + confirmation + ", files=" + files
                + ", sourceFile=" + sourceFile + ", line=" + line + "]";
    }
}
