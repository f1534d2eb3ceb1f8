package com.filemailbatch.jobs;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** When a definition notifies: the values of its {@code notify.on} key. */
public enum NotifyEvent {
    /** A run failed or was stopped: it did not complete. */
    FAILURE,
    /** A run completed, but some rows were rejected, failed or deferred (exit 3). */
    PROBLEMS,
    /** A run completed without problems. */
    SUCCESS,
    /** A scheduled definition did not complete within its deadline after a fire time. */
    MISSED;

    /** As written in a definition: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static NotifyEvent parse(String value) {
        for (NotifyEvent event : values()) {
            if (event.key().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return event;
            }
        }
        throw new IllegalArgumentException("'" + value.trim() + "' is not an event; use any of " + keys());
    }

    static String keys() {
        return Arrays.stream(values()).map(NotifyEvent::key).collect(Collectors.joining(", "));
    }
}
