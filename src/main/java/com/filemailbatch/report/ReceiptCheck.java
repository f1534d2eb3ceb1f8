package com.filemailbatch.report;

import java.util.List;

/**
 * What {@code verify-receipts} found.
 *
 * @param receipts how many receipts were checked: those the database's chain records, each found in the directory
 * @param problems what is wrong, one line each, the first altered or removed receipt first; empty when the
 *                 database's chain and the directory's receipt files agree and each file names the one before it
 */
public record ReceiptCheck(long receipts, List<String> problems) {

    public ReceiptCheck {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    /** "N receipts, chain intact", or the problems, one per line. */
    public String describe() {
        return intact() ? receipts + " receipts, chain intact" : String.join(System.lineSeparator(), problems);
    }
}
