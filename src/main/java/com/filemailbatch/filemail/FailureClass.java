package com.filemailbatch.filemail;

/**
 * What a failed Filemail call means for the run: the one taxonomy of failures, decided in one place
 * ({@link FailureClassifier}) and carried by every {@link FilemailApiException}. Code that handles failures
 * switches on it with a switch expression, so that a new member does not compile until every such place handles it.
 */
public enum FailureClass {
    /** Worth retrying later: rate limit, server trouble, network. */
    TRANSIENT,
    /** The row itself is wrong (validation errors, bad e-mail, too many recipients): reject it, go on. */
    ROW,
    /** The daily quota is used up: stop sending for today. */
    QUOTA,
    /** Configuration or account problem (bad API key, expired account, wrong base URL): stop the run. */
    FATAL;

    /** Whether the same call may succeed if it is made again (retried by {@link CallPolicy}). */
    public boolean retryable() {
        return switch (this) {
            case TRANSIENT -> true;
            case ROW, QUOTA, FATAL -> false;
        };
    }

    /**
     * Whether the call may have taken effect though its answer is a failure: no answer, or the server's trouble
     * (an initialize after it must first look for the transfer it may have created).
     */
    public boolean mayHaveTakenEffect() {
        return switch (this) {
            case TRANSIENT -> true;
            case ROW, QUOTA, FATAL -> false;
        };
    }
}
