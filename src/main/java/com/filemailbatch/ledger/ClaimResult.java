package com.filemailbatch.ledger;

/** The answer to a claim: go ahead and send, or why not. */
public record ClaimResult(Kind kind, String transferId) {

    public enum Kind {
        /** This run owns the reference now: call Filemail. */
        CLAIMED,
        /** A transfer already exists for this reference (this or an earlier run): do not send again. */
        ALREADY_SENT,
        /** Another row of this same run holds the reference (a duplicate in the input). */
        DUPLICATE_IN_RUN
    }

    static ClaimResult claimed() {
        return new ClaimResult(Kind.CLAIMED, null);
    }
}
