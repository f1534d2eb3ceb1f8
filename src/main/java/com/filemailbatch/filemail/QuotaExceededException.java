package com.filemailbatch.filemail;

import java.util.List;

/** The API key's daily quota is used up; nothing more can be sent today. */
public final class QuotaExceededException extends FilemailApiException {

    QuotaExceededException(String operation, int httpStatus, String responseStatus, String errorMessage,
            List<ValidationError> validationErrors, Throwable cause) {
        super(operation, httpStatus, responseStatus, errorMessage, validationErrors, cause);
    }

    @Override
    public FailureClass failureClass() {
        return FailureClass.QUOTA;
    }
}
