package com.filemailbatch.filemail;

import com.filemailbatch.logging.SecretMask;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Filemail connection, bound from {@code filemail.*} (or the matching {@code FILEMAIL_*}
 * environment variables). The batch's own settings under the same prefix are in {@code BatchSettings}.
 *
 * @param baseUrl     the API's base URL ({@code FILEMAIL_BASE_URL})
 * @param apiKey      the API key sent as {@code x-api-key} ({@code FILEMAIL_API_KEY}); never logged or stored
 * @param rateLimit   requests per second to Filemail, shared by all threads and endpoints; 0 means no limit
 * @param retry       how transient failures are retried
 */
@ConfigurationProperties("filemail")
public record FilemailProperties(
        @DefaultValue("https://api-public.filemail.com") String baseUrl,
        @DefaultValue("") String apiKey,
        @DefaultValue("0") double rateLimit,
        @DefaultValue @NestedConfigurationProperty Retry retry) {

    public FilemailProperties {
        // Whatever logger meets the key from now on (a request's headers, a property dump) writes *** instead.
        SecretMask.remember(apiKey);
        if (rateLimit < 0) {
            throw new IllegalArgumentException("filemail.rate-limit must be 0 (off) or positive, got " + rateLimit);
        }
    }

    /**
     * Retries of transient failures (rate limited, server trouble, no answer), with exponential backoff and jitter.
     *
     * @param maxAttempts    calls per request at most, the first included
     * @param initialBackoff the wait before the second attempt; each further wait is {@code multiplier} times longer
     * @param maxBackoff     the longest wait between attempts, also the cap on a server's {@code Retry-After}
     * @param multiplier     growth of the wait from one attempt to the next
     * @param stopAfterConsecutiveFailures rows in a row that fail after all retries before the run stops: the
     *                       service is then down, and the rest would only fail the same way
     */
    public record Retry(
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("10") int stopAfterConsecutiveFailures) {

        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("filemail.retry.max-attempts must be at least 1, got "
                        + maxAttempts);
            }
            if (multiplier < 1) {
                throw new IllegalArgumentException("filemail.retry.multiplier must be at least 1, got " + multiplier);
            }
            if (stopAfterConsecutiveFailures < 1) {
                throw new IllegalArgumentException("filemail.retry.stop-after-consecutive-failures must be at "
                        + "least 1, got " + stopAfterConsecutiveFailures);
            }
        }
    }

    @Override
    public String toString() {
        return "FilemailProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "(none)" : "***")
                + ", rateLimit=" + rateLimit + ", retry=" + retry + "]";
    }
}
