package com.filemailbatch.filemail;

import java.util.List;

/** Filemail refused this row's request as it is; the run goes on with the next row. */
public final class RowRejectedByFilemailException extends FilemailApiException {

    RowRejectedByFilemailException(String operation, int httpStatus, String responseStatus, String errorMessage,
            List<ValidationError> validationErrors, Throwable cause) {
        super(operation, httpStatus, responseStatus, errorMessage, validationErrors, cause);
    }

    @Override
    public FailureClass failureClass() {
        return FailureClass.ROW;
    }
}
