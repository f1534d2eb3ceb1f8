package com.filemailbatch.filemail;

import feign.slf4j.Slf4jLogger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Feign's request/response log with every secret masked, so that turning
 * {@code spring.cloud.openfeign.client.config.filemail.logger-level} up to {@code full} while debugging
 * never writes the API key, a transfer key or a transfer password to the log.
 */
final class RedactingFeignLogger extends Slf4jLogger {

    private static final Set<String> SECRET_HEADERS = Set.of("x-api-key", "logintoken", "authorization");

    private static final Pattern SECRET_JSON_FIELDS = Pattern.compile(
            "(\"(?:password|transferkey|incomingpassword|logintoken|refreshtoken)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

    private static final Pattern SECRET_QUERY = Pattern.compile("([?&]transferkey=)[^&\\s]*");

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
            safe[1] = "***";
            return safe;
        }
        for (int i = 0; i < safe.length; i++) {
            if (safe[i] instanceof String text) {
                String masked = SECRET_JSON_FIELDS.matcher(text).replaceAll("$1\"***\"");
                safe[i] = SECRET_QUERY.matcher(masked).replaceAll("$1***");
            }
        }
        return safe;
    }
}
