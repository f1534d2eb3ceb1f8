package com.filemailbatch.report;

/**
 * One receipt in the chain, as {@code run_receipt} records it.
 *
 * @param position       1 for the first receipt ever written, then one more for each
 * @param sha256         SHA-256 (hex) of the receipt file's bytes
 * @param previousSha256 SHA-256 of the receipt before it, or {@link ReceiptChain#GENESIS} for the first
 */
public record ChainLink(long position, long executionId, String fileName, String sha256, String previousSha256) {
}
