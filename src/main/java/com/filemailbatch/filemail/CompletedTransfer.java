package com.filemailbatch.filemail;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code data} of a successful {@code PUT /transfer/complete}.
 *
 * @param downloadurl      the shared download link (not tied to a recipient); null if Filemail sent none
 * @param alreadyCompleted true when this call found the transfer completed already (an earlier answer was lost)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompletedTransfer(String downloadurl, boolean alreadyCompleted) {
}
