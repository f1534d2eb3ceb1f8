package com.filemailbatch.filemail;

import java.util.List;

/** A configuration or account problem: every further call would fail the same way. */
public final class FatalFilemailException extends FilemailApiException {

    FatalFilemailException(String operation, int httpStatus, String responseStatus, String errorMessage,
            List<ValidationError> validationErrors, Throwable cause) {
        super(operation, httpStatus, responseStatus, errorMessage, validationErrors, cause);
    }

    @Override
    public FailureClass failureClass() {
        return FailureClass.FATAL;
    }
}
