package com.filemailbatch.send;

import com.filemailbatch.csv.ValidTransfer;
import com.filemailbatch.filemail.FilemailApi;
import com.filemailbatch.filemail.InitializeTransferRequest;

/** Builds the initialize request of a valid row: only the fields the row sets, the rest left out of the JSON. */
final class TransferRequestFactory {

    /** @param transferSize the sum of the row's file sizes, or null when it names no files */
    InitializeTransferRequest initializeRequest(ValidTransfer row, Long transferSize) {
        return new InitializeTransferRequest(
                row.to().isEmpty() ? null : row.to(),
                row.subject(),
                row.message(),
                row.password(),
                row.confirmation(),
                row.notification(),
                row.days(),
                transferSize,
                FilemailApi.SOURCE_DETAILS);
    }
}
