package com.filemailbatch.filemail;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The {@code data} of {@code GET /transfer/sent}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SentTransfers(List<SentTransfer> transfers) {
}
