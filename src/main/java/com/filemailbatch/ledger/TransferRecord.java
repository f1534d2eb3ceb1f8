package com.filemailbatch.ledger;

/** A ledger row touched by a run, for display: never the transfer key. */
public record TransferRecord(
        String reference,
        String status,
        String transferId,
        Long sourceLine,
        String lastErrorStatus) {
}
