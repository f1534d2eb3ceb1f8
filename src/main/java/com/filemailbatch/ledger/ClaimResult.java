package com.filemailbatch.ledger;


import java.time.Instant;

/**
 * The answer to a claim: go ahead and send, or why not. A claim of a row whose earlier attempt may have created a
 * transfer carries {@code inDoubtSince}: look for that transfer before creating another.
 *
 * @param earlierLine for {@link Kind#CONFLICT_IN_RUN}, the line of the row that holds the reference; else null
 */
public record ClaimResult(Kind kind, String transferId, Instant inDoubtSince, Long earlierLine) {

    public ClaimResult(Kind kind, String transferId, Instant inDoubtSince) {
        this(kind, transferId, inDoubtSince, null);
    }

    public enum Kind {
        /** This run owns the reference now: call Filemail. */
        CLAIMED,
        /** A transfer already exists for this reference (this or an earlier run): do not send again. */
        ALREADY_SENT,
        /** Another row of this same run holds the reference, with the same content (a duplicate in the input). */
        DUPLICATE_IN_RUN,
        /** Another row of this same input holds the reference with other content: which one is meant is unknown. */
        CONFLICT_IN_RUN
    }

    static ClaimResult claimed(Instant inDoubtSince) {
        return new ClaimResult(Kind.CLAIMED, null, inDoubtSince);
    }
}
