package com.filemailbatch.send;

import com.filemailbatch.filemail.InitializeTransferRequest;
import com.filemailbatch.ledger.ValidatedFiles;
import java.util.List;

/**
 * One transfer to send, whether it comes from a CSV row or from the ledger (a deferred or failed row).
 *
 * @param validatedFiles what the path rules found for {@code files}, kept with the claim for the upload; null when
 *                       the row names no files
 */
record SendRow(String reference, InitializeTransferRequest request, List<String> files, String sourceFile,
        long line, ValidatedFiles validatedFiles) {

    /** A row without files. */
    SendRow(String reference, InitializeTransferRequest request, List<String> files, String sourceFile, long line) {
        this(reference, request, files, sourceFile, line, null);
    }
}
