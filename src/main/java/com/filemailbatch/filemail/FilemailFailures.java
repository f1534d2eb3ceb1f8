package com.filemailbatch.filemail;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * The typed failures for Filemail calls made outside the Feign client (uploads go over {@code java.net.http}
 * to a file server), so that they are classified by the same rules as every other call and retried by
 * {@link CallPolicy} alike.
 */
public final class FilemailFailures {

    private FilemailFailures() {
    }

    /**
     * A non-2xx answer, classified like {@link FilemailErrorDecoder} does.
     *
     * @param responseStatus   the envelope's {@code responsestatus}, or null when the body had none
     * @param errorMessage     the envelope's {@code errormessage}, or null
     * @param retryAfterValues the answer's {@code Retry-After} header values (may be empty)
     */
    public static FilemailApiException answered(String operation, int httpStatus, String responseStatus,
            String errorMessage, Collection<String> retryAfterValues) {
        return FailureClassifier.exception(operation, httpStatus, responseStatus, errorMessage, List.of(), null)
                .withRetryAfter(FilemailErrorDecoder.retryAfter(retryAfterValues));
    }

    /** No answer arrived (refused, reset, timed out): HTTP status 0, always transient, so it is retried. */
    public static FilemailApiException noAnswer(String operation, IOException cause) {
        return FailureClassifier.exception(operation, 0, null, cause.toString(), List.of(), cause);
    }
}
