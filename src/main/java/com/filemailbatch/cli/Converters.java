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
}
