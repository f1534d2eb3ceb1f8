package com.filemailbatch.send;

import com.filemailbatch.csv.ValidTransfer;
import com.filemailbatch.filemail.FilemailApi;
import com.filemailbatch.filemail.InitializeTransferRequest;

/** Builds the initialize request of a valid row: only the fields the row sets, the rest left out of the JSON. */
final class TransferRequestFactory {

    InitializeTransferRequest initializeRequest(ValidTransfer row) {
        return new InitializeTransferRequest(
                row.to().isEmpty() ? null : row.to(),
                row.subject(),
                row.message(),
                row.password(),
                row.confirmation(),
                row.notification(),
                row.days(),
                null,
                FilemailApi.SOURCE_DETAILS);
    }
}
