package com.filemailbatch.notifications;

import java.util.Locale;

/** Where a notification of the outbox stands. */
public enum OutboxStatus {
    /** Not delivered yet: retried at its next attempt time. */
    PENDING,
    /** Its channel took it. */
    DELIVERED,
    /** Retried for {@code filemail.notify.give-up-after} without success: no longer tried. */
    GIVEN_UP;

    /** As typed and shown: lower case with a dash. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
