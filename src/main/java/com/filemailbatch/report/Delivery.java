package com.filemailbatch.report;

/**
 * A transfer a run completed, as the report lists it: never its key.
 *
 * @param downloadUrl the shared download link Filemail returned (null if it sent none)
 * @param bytes       the size of the transfer's files
 */
public record Delivery(Long sourceLine, String reference, String transferId, String downloadUrl, long bytes) {
}
