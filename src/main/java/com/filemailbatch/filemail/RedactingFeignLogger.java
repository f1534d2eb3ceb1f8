package com.filemailbatch.filemail;

import com.filemailbatch.logging.SecretMask;
import feign.slf4j.Slf4jLogger;
import java.util.Set;

/**
 * Feign's request/response log with every secret masked, so that turning
 * {@code spring.cloud.openfeign.client.config.filemail.logger-level} up to {@code full} while debugging
 * never writes the API key, a transfer key or a transfer password to the log: not in a header, not in a request,
 * not in an answer (the sent list gives every transfer's {@code key}). The rules are {@link SecretMask}'s, which
 * also masks every other logger's lines.
 */
final class RedactingFeignLogger extends Slf4jLogger {

    private static final Set<String> SECRET_HEADERS = Set.of("x-api-key", "logintoken", "authorization");

    RedactingFeignLogger() {
        super(FilemailClient.class);
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        super.log(configKey, format, redact(args));
    }

    static Object[] redact(Object... args) {
        Object[] safe = args.clone();
        if (safe.length == 2 && safe[0] instanceof String name && SECRET_HEADERS.contains(name.toLowerCase())) {
            safe[1] = SecretMask.MASK;
            return safe;
        }
        for (int i = 0; i < safe.length; i++) {
            if (safe[i] instanceof String text) {
                safe[i] = SecretMask.mask(text);
            }
        }
        return safe;
    }
}
