package com.filemailbatch.filemail;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The {@code data} of a successful {@code PUT /transfer/complete}: the shared download link. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CompleteResult(String downloadurl) {
}
