package com.filemailbatch.cli;

import com.filemailbatch.sandbox.SandboxFaults;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters whose errors say what a valid value looks like. */
final class Converters {

    private Converters() {
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                Duration duration = Duration.parse(value);
                if (duration.isNegative()) {
                    throw new TypeConversionException("'" + value + "' is negative; give a duration such as P1D");
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 duration such as P1D, PT12H "
                        + "or PT30M");
            }
        }
    }

    /** {@code 0.3} (transient faults) or {@code 0.2,0.1} (transient faults, then lost initialize answers). */
    static final class FaultsConverter implements ITypeConverter<SandboxFaults> {
        @Override
        public SandboxFaults convert(String value) {
            String[] parts = value.split(",", -1);
            try {
                double transientShare = Double.parseDouble(parts[0].trim());
                double lost = parts.length > 1 ? Double.parseDouble(parts[1].trim()) : 0;
                if (parts.length > 2) {
                    throw new NumberFormatException();
                }
                return SandboxFaults.transientShare(transientShare).withDropAfterCreateShare(lost);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not SHARE or SHARE,LOST with numbers from 0 "
                        + "to 1, such as 0.3 or 0.2,0.1");
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "': " + e.getMessage());
            }
        }
    }

    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date of the form YYYY-MM-DD");
            }
        }
    }

    /** {@code 90d}, {@code 12h}, {@code 30m}, or ISO-8601 ({@code P30D}, {@code PT12H}); more than zero. */
    static final class AgeConverter implements ITypeConverter<Duration> {
        private static final java.util.regex.Pattern SHORT = java.util.regex.Pattern.compile("(\\d{1,9})([dhm])");

        @Override
        public Duration convert(String value) {
            String text = value.trim();
            java.util.regex.Matcher shortForm = SHORT.matcher(text.toLowerCase(java.util.Locale.ROOT));
            Duration duration;
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                duration = switch (shortForm.group(2)) {
                    case "d" -> Duration.ofDays(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofMinutes(amount);
                };
            } else {
                try {
                    duration = Duration.parse(text);
                } catch (DateTimeParseException e) {
                    throw new TypeConversionException("'" + value + "' is not a duration: give a number of days, "
                            + "hours or minutes such as 90d, 12h or 30m, or ISO-8601 such as P30D");
                }
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new TypeConversionException("'" + value + "' must be longer than zero, such as 90d");
            }
            return duration;
        }
    }

    /** An ISO date ({@code 2026-11-01}, from the start of that day) or date-time (local, or with an offset). */
    static final class SinceConverter implements ITypeConverter<java.time.LocalDateTime> {
        @Override
        public java.time.LocalDateTime convert(String value) {
            try {
                return LocalDate.parse(value).atStartOfDay();
            } catch (DateTimeParseException notADate) {
                try {
                    return java.time.LocalDateTime.parse(value);
                } catch (DateTimeParseException notLocal) {
                    try {
                        // The job repository records the local time of the machine that ran the job.
                        return java.time.OffsetDateTime.parse(value).atZoneSameInstant(java.time.ZoneId.systemDefault())
                                .toLocalDateTime();
                    } catch (DateTimeParseException e) {
                        throw new TypeConversionException("'" + value + "' is not an ISO date or date-time such as "
                                + "2026-11-01 or 2026-11-01T08:00 or 2026-11-01T08:00Z");
                    }
                }
            }
        }
    }
}
