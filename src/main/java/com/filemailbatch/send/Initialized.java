package com.filemailbatch.send;

import com.filemailbatch.filemail.TransferInitializeResult;

/**
 * A transfer this row now owns: created by this attempt, or adopted after an earlier attempt's answer was lost
 * (with the number of duplicate transfers found and cancelled).
 */
record Initialized(TransferInitializeResult result, boolean adopted, int duplicatesCancelled) {

    static Initialized created(TransferInitializeResult result) {
        return new Initialized(result, false, 0);
    }
}
