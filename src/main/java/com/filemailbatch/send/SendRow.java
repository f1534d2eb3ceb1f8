package com.filemailbatch.send;

import com.filemailbatch.filemail.InitializeTransferRequest;
import java.util.List;

/** One transfer to send, whether it comes from a CSV row or from the ledger (a deferred or failed row). */
record SendRow(String reference, InitializeTransferRequest request, List<String> files, String sourceFile,
        long line) {
}
