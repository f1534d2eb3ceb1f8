package com.filemailbatch.filemail;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The envelope of every Filemail answer: {@code BaseResponse} on success and {@code FilemailErrorResponse}
 * (the same fields plus {@code validationerrors}) on failure.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FilemailEnvelope<T>(
        String responsestatus,
        String errorid,
        String errormessage,
        T data,
        Integer errorcode,
        List<ValidationError> validationerrors) {
}
