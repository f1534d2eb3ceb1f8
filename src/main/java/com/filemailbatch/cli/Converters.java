package com.filemailbatch.cli;

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
