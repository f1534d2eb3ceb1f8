package com.filemailbatch.filemail;

import java.util.List;

/** Worth retrying later: the service was busy, failing or out of reach. */
public final class TransientFilemailException extends FilemailApiException {

    TransientFilemailException(String operation, int httpStatus, String responseStatus, String errorMessage,
            List<ValidationError> validationErrors, Throwable cause) {
        super(operation, httpStatus, responseStatus, errorMessage, validationErrors, cause);
    }

    @Override
    public FailureClass failureClass() {
        return FailureClass.TRANSIENT;
    }
}
