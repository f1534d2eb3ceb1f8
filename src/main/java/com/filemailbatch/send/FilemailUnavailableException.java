package com.filemailbatch.send;

import com.filemailbatch.filemail.FilemailApiException;

/**
 * The run stopped because Filemail failed for so many rows in a row, after all their retries, that the rest would
 * fail the same way. The rows stay FAILED and are sent first by the next run.
 */
public final class FilemailUnavailableException extends RuntimeException {

    FilemailUnavailableException(int rows, FilemailApiException last) {
        super("Filemail failed for " + rows + " rows in a row after all retries; the last: " + last.getMessage(),
                last);
    }
}
