package com.filemailbatch.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.AppenderAttachable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Set;

/**
 * Puts a {@link MaskingEncoder} in front of the encoder of every appender that writes text (console, file, rolling
 * file, also behind an async appender), whatever configured them: Spring Boot's defaults, {@code logging.*}
 * settings, or a Logback file of the user's.
 */
final class LogMasking {

    private LogMasking() {
    }

    /** @return how many appenders were given the mask (those that already had it are not counted) */
    static int install(LoggerContext context) {
        Set<Appender<ILoggingEvent>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int masked = 0;
        for (Logger logger : context.getLoggerList()) {
            masked += maskAll(logger.iteratorForAppenders(), seen);
        }
        return masked;
    }

    private static int maskAll(Iterator<Appender<ILoggingEvent>> appenders, Set<Appender<ILoggingEvent>> seen) {
        int masked = 0;
        while (appenders.hasNext()) {
            Appender<ILoggingEvent> appender = appenders.next();
            if (!seen.add(appender)) {
                continue;
            }
            if (appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
                Encoder<ILoggingEvent> encoder = stream.getEncoder();
                if (encoder != null && !(encoder instanceof MaskingEncoder)) {
                    MaskingEncoder masking = new MaskingEncoder(encoder);
                    masking.start();
                    stream.setEncoder(masking);
                    masked++;
                }
            }
            if (appender instanceof AppenderAttachable<?> attachable) {
                @SuppressWarnings("unchecked")
                AppenderAttachable<ILoggingEvent> parent = (AppenderAttachable<ILoggingEvent>) attachable;
                masked += maskAll(parent.iteratorForAppenders(), seen);
            }
        }
        return masked;
    }
}
