package com.filemailbatch.report;

/**
 * What {@code verify-receipts} found.
 *
 * @param receipts how many receipts the chain holds
 * @param problem  the first receipt that was altered or removed, described in one line; null when the chain is whole
 */
public record ReceiptCheck(long receipts, String problem) {

    public boolean intact() {
        return problem == null;
    }

    public String describe() {
        return intact() ? receipts + " receipts, chain intact" : problem;
    }
}
