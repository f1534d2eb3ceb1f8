package com.filemailbatch.filemail;

/**
 * How {@link FilemailApi#complete} ended: the transfer is complete.
 *
 * @param downloadurl      the shared download link (not tied to a recipient); null if Filemail sent none
 * @param alreadyCompleted true when this call found the transfer completed already (an earlier answer was lost)
 */
public record CompletedTransfer(String downloadurl, boolean alreadyCompleted) {
}
