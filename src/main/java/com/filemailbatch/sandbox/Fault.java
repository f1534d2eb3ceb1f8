package com.filemailbatch.sandbox;

import java.util.List;

/** What a {@link FaultInjector} draw decided for one request; {@link #NONE} for most. */
enum Fault {

    NONE(0, null, null),
    RATE_LIMITED(429, "RateLimitExceeded", "Too many requests; retry later. (sandbox fault injection)"),
    SERVER_ERROR(500, "UnknownError", "An unexpected error occurred. (sandbox fault injection)"),
    SERVICE_INTERRUPTION(503, "ServiceInterruption", "The service is temporarily unavailable. (sandbox fault injection)"),
    /** The connection is closed without any answer, before the request is handled. */
    DROPPED(0, null, null),
    /** The request is handled normally, then the connection is closed instead of answering. */
    DROPPED_AFTER_CREATE(0, null, null);

    /** The faults answered before anything is done, drawn uniformly. */
    static final List<Fault> TRANSIENT = List.of(RATE_LIMITED, SERVER_ERROR, SERVICE_INTERRUPTION, DROPPED);

    private final int httpStatus;
    private final String responseStatus;
    private final String message;

    Fault(int httpStatus, String responseStatus, String message) {
        this.httpStatus = httpStatus;
        this.responseStatus = responseStatus;
        this.message = message;
    }

    boolean isTransient() {
        return TRANSIENT.contains(this);
    }

    /** 0 for the faults that drop the connection. */
    int httpStatus() {
        return httpStatus;
    }

    String responseStatus() {
        return responseStatus;
    }

    String message() {
        return message;
    }
}
