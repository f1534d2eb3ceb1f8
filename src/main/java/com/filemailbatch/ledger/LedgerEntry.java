package com.filemailbatch.ledger;

import java.time.OffsetDateTime;

/** A ledger row as the cleanup and audit views read it; the transfer key stays encrypted here. */
public record LedgerEntry(
        long id,
        String reference,
        TransferStatus status,
        int attempt,
        String subject,
        String files,
        String transferId,
        String transferKeyEnc,
        String transferUrl,
        String sourceFile,
        Long sourceLine,
        Long jobExecutionId,
        OffsetDateTime createdAt,
        OffsetDateTime initializedAt,
        String lastErrorStatus,
        String lastErrorMessage) {

    @Override
    public String toString() {
        return "LedgerEntry[id=" + id + ", reference=" + reference + ", status=" + status + ", transferId="
                + transferId + ", transferKeyEnc=***]";
    }
}
