package com.filemailbatch.text;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** An instant as the tool shows it in tables, JSON and notifications: ISO-8601 UTC, to the second. */
public final class IsoTime {

    private IsoTime() {
    }

    /** {@code 2026-11-30T01:30:00Z}, or null for null. */
    public static String of(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** As {@link #of(Instant)}, with {@code -} for null: a table's empty cell. */
    public static String orDash(Instant at) {
        return at == null ? "-" : of(at);
    }
}
