package com.filemailbatch.cli;

import com.filemailbatch.sandbox.SandboxFaults;
import com.filemailbatch.text.Durations;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters whose errors say what a valid value looks like. */
final class Converters {

    private Converters() {
    }

    /** A duration of zero or more in either form {@link Durations} reads ({@code 1d}, {@code P1D}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value, true);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
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

    /** As {@link DurationConverter}, longer than zero: an age. */
    static final class AgeConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value, false);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
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
