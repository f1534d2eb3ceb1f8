package com.filemailbatch.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the batch itself, whatever service it talks to: where it keeps its data and reports, and how much it
 * does at once. Bound from {@code filemail.*} (or the matching {@code FILEMAIL_*} environment variables), beside the
 * Filemail connection's own settings.
 *
 * @param dataDir     where the default H2 database, the log and the master key file live ({@code FILEMAIL_DATA_DIR})
 * @param reportsDir  where run reports are written ({@code FILEMAIL_REPORTS_DIR})
 * @param concurrency Filemail calls (and transfers being delivered) in flight at once
 * @param chunkSize   CSV rows per chunk transaction; a multiple of {@code concurrency} keeps every thread busy
 * @param h2CompactMinMb the smallest H2 file, in MB, that {@code run} and {@code purge} compact as they exit when
 *                    it is mostly waste; negative turns the compaction off ({@code FILEMAIL_H2COMPACTMINMB})
 */
@ConfigurationProperties("filemail")
public record BatchSettings(
        @DefaultValue("./data") String dataDir,
        @DefaultValue("./reports") String reportsDir,
        @DefaultValue("8") int concurrency,
        @DefaultValue("256") int chunkSize,
        @DefaultValue("64") long h2CompactMinMb) {

    public BatchSettings {
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("filemail.concurrency must be between 1 and 256, got " + concurrency);
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("filemail.chunk-size must be at least 1, got " + chunkSize);
        }
    }
}
