package com.filemailbatch.filemail;

/** How a cancel request ended; the last two are Filemail's refusals that mean "already final". */
public enum CancelOutcome {
    CANCELLED,
    /** {@code InvalidTransferState}: the transfer was completed, so it cannot be cancelled. */
    ALREADY_COMPLETED,
    /** {@code NotFound} or {@code TransferExpired}: nothing is left to cancel. */
    GONE;

    static CancelOutcome forRefusal(String responseStatus) {
        if (responseStatus == null) {
            return null;
        }
        return switch (responseStatus) {
            case "InvalidTransferState" -> ALREADY_COMPLETED;
            case "NotFound", "TransferExpired" -> GONE;
            default -> null;
        };
    }
}
