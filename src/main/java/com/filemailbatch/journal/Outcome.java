package com.filemailbatch.journal;

/** What a run did with one item; the run journal's {@code outcome} column. */
public enum Outcome {
    /** Filemail created the transfer in this run. */
    INITIALIZED,
    /**
     * An earlier attempt's answer was lost, and this run found that attempt's transfer at Filemail and recorded it
     * instead of creating another.
     */
    ADOPTED,
    /** The reference already had a transfer: nothing was sent. */
    ALREADY_SENT,
    /** The same reference appeared earlier in this run's input: nothing was sent. */
    DUPLICATE,
    /** The row broke a rule (ours, or Filemail's validation): never sent. */
    REJECTED,
    /** The call failed in a way worth retrying; the next run sends it again. */
    FAILED,
    /** Not sent: the API key's daily quota was used up. The next run sends it first. */
    DEFERRED,
    /** Dry run: would have been sent. */
    WOULD_SEND,
    /** Cleanup cancelled the stale transfer. */
    CANCELLED,
    /** Cleanup found the transfer completed at Filemail. */
    FOUND_COMPLETED,
    /** Cleanup found the transfer gone (not found or expired) at Filemail. */
    FOUND_EXPIRED,
    /** Cleanup could not cancel it this time; the next cleanup tries again. */
    CANCEL_FAILED,
    /** Dry run: would have been cancelled. */
    WOULD_CANCEL,
    /** The transfer's files were uploaded and the transfer completed: its download link is in the ledger. */
    COMPLETED,
    /** Uploading or completing failed this time; the transfer stays UPLOADING and the next run resumes it. */
    UPLOAD_FAILED
}
