package com.filemailbatch.filemail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Filemail connection and of the send job, bound from {@code filemail.*}
 * (or the matching {@code FILEMAIL_*} environment variables).
 *
 * @param baseUrl     the API's base URL ({@code FILEMAIL_BASE_URL})
 * @param apiKey      the API key sent as {@code x-api-key} ({@code FILEMAIL_API_KEY}); never logged or stored
 * @param dataDir     where the default H2 database, the log and the master key file live ({@code FILEMAIL_DATA_DIR})
 * @param reportsDir  where run reports are written ({@code FILEMAIL_REPORTS_DIR})
 * @param concurrency initialize calls in flight at once
 * @param chunkSize   CSV rows per chunk transaction; a multiple of {@code concurrency} keeps every thread busy
 */
@ConfigurationProperties("filemail")
public record FilemailProperties(
        @DefaultValue("https://api-public.filemail.com") String baseUrl,
        @DefaultValue("") String apiKey,
        @DefaultValue("./data") String dataDir,
        @DefaultValue("./reports") String reportsDir,
        @DefaultValue("8") int concurrency,
        @DefaultValue("64") int chunkSize) {

    public FilemailProperties {
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("filemail.concurrency must be between 1 and 256, got " + concurrency);
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("filemail.chunk-size must be at least 1, got " + chunkSize);
        }
    }

    @Override
    public String toString() {
        return "FilemailProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "(none)" : "***")
                + ", dataDir=" + dataDir + ", reportsDir=" + reportsDir + ", concurrency=" + concurrency
                + ", chunkSize=" + chunkSize + "]";
    }
}
