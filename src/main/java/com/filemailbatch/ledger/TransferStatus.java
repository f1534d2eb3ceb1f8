package com.filemailbatch.ledger;

import java.util.EnumSet;
import java.util.Set;

/** Where a transfer definition stands in the ledger. */
public enum TransferStatus {
    /** The row broke a rule (ours or Filemail's); never sent. A corrected row with the same reference is sent. */
    REJECTED,
    /** Claimed by a run that is calling initialize now (or crashed while doing so). */
    PENDING,
    /** Filemail created the transfer; its id and (encrypted) key are recorded. */
    INITIALIZED,
    /**
     * The files named by the row are being uploaded (or an upload was interrupted): the progress of every file is
     * recorded, and the next run resumes it. Cleanup cancels it once no progress was made for {@code staleAfter}.
     */
    UPLOADING,
    /** Files uploaded (if any) and {@code PUT /transfer/complete} accepted: the recipients have their e-mails. */
    COMPLETED,
    CANCELLED,
    EXPIRED,
    /** The call failed in a way worth retrying; the next run sends it again. */
    FAILED,
    /** Not sent because the API key's daily quota was used up; the next run sends it first. */
    DEFERRED;

    /** Statuses that mean a transfer exists (or existed) at Filemail: such a row is never sent again. */
    public static final Set<TransferStatus> SENT = EnumSet.of(INITIALIZED, UPLOADING, COMPLETED, CANCELLED,
            EXPIRED);

    public boolean isSent() {
        return SENT.contains(this);
    }

    /**
     * Whether a transfer may exist at Filemail though none is recorded: the last attempt's answer never arrived
     * (PENDING after a crash, FAILED after retries ran out).
     */
    public boolean isInDoubt() {
        return this == PENDING || this == FAILED;
    }
}
