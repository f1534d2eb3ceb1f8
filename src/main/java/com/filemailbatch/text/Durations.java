package com.filemailbatch.text;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * The one reading of a duration a user wrote, on the command line or in a job definition: Spring Boot's simple
 * style ({@code 90d}, {@code 12h}, {@code 30m}, {@code 10s}, {@code 500ms}) or ISO-8601 ({@code P1D},
 * {@code PT2H}), as {@link DurationStyle#detectAndParse(String)} reads them. A bare number is refused: Spring
 * would read it as milliseconds, which nobody writing {@code 90} for an age means.
 */
public final class Durations {

    /** Both forms, as every message about a duration shows them. */
    public static final String EXAMPLES = "such as 90d, 12h, 30m, 10s or 500ms, or ISO-8601 such as P1D or PT2H";

    private Durations() {
    }

    /**
     * @param zeroAllowed whether {@code 0d} is a valid answer (a latency, a cancel-everything age)
     * @return the duration, never negative
     * @throws IllegalArgumentException naming the value and the forms it may take
     */
    public static Duration parse(String value, boolean zeroAllowed) {
        String text = value.strip();
        Duration duration;
        try {
            if (text.matches("[+-]?\\d+")) {
                throw new IllegalArgumentException("no unit");
            }
            duration = DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a duration " + EXAMPLES);
        }
        if (duration.isNegative() || (!zeroAllowed && duration.isZero())) {
            throw new IllegalArgumentException("'" + value + "' must be " + (zeroAllowed ? "zero or more" : "longer "
                    + "than zero") + ", " + EXAMPLES);
        }
        return duration;
    }
}
