package com.filemailbatch.ledger;


import java.time.Instant;

/**
 * The answer to a claim: go ahead and send, or why not. A claim of a row whose earlier attempt may have created a
 * transfer carries {@code inDoubtSince}: look for that transfer before creating another.
 */
public record ClaimResult(Kind kind, String transferId, Instant inDoubtSince) {

    public enum Kind {
        /** This run owns the reference now: call Filemail. */
        CLAIMED,
        /** A transfer already exists for this reference (this or an earlier run): do not send again. */
        ALREADY_SENT,
        /** Another row of this same run holds the reference (a duplicate in the input). */
        DUPLICATE_IN_RUN
    }

    static ClaimResult claimed(Instant inDoubtSince) {
        return new ClaimResult(Kind.CLAIMED, null, inDoubtSince);
    }
}
