package com.filemailbatch.filemail;

/** What a failed Filemail call means for the run; decided in one place, {@link FailureClassifier}. */
public enum FailureClass {
    /** Worth retrying later: rate limit, server trouble, network. */
    TRANSIENT,
    /** The row itself is wrong (validation errors, bad e-mail, too many recipients): reject it, go on. */
    ROW,
    /** The daily quota is used up: stop sending for today. */
    QUOTA,
    /** Configuration or account problem (bad API key, expired account, wrong base URL): stop the run. */
    FATAL
}
