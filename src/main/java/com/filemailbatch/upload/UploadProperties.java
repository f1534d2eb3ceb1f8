package com.filemailbatch.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How files are uploaded, bound from {@code filemail.upload.*}.
 *
 * @param chunkSize     bytes per upload request for files larger than one chunk, 5MB to 50MB (MB = MiB here, as
 *                      Filemail's clients use 5,242,880 bytes for "5 MB"); a file of at most one chunk goes in one
 *                      request. A file whose upload began keeps the chunk size it began with.
 * @param parallelFiles files of one transfer uploaded at once, 1 to 4 (Filemail advises 2–4 at most); transfers are
 *                      uploaded {@code filemail.concurrency} at a time
 * @param maxBytesPerSecond the most file bytes this process sends per second, all uploads together (a token bucket:
 *                      one second's worth may go at once); 0, the default, for no cap. Such as {@code 10MB} (MiB) or a
 *                      number of bytes
 */
@ConfigurationProperties("filemail.upload")
public record UploadProperties(
        @DefaultValue("20MB") DataSize chunkSize,
        @DefaultValue("2") int parallelFiles,
        @DefaultValue("0") DataSize maxBytesPerSecond) {

    public UploadProperties {
        long bytes = chunkSize.toBytes();
        if (bytes < FileUploader.MIN_CHUNK_SIZE || bytes > FileUploader.MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("filemail.upload.chunk-size must be between 5MB and 50MB, got "
                    + chunkSize);
        }
        if (maxBytesPerSecond.isNegative()) {
            throw new IllegalArgumentException("filemail.upload.max-bytes-per-second must not be negative, got "
                    + maxBytesPerSecond);
        }
        if (parallelFiles < 1 || parallelFiles > FileUploader.MAX_PARALLEL_FILES) {
            throw new IllegalArgumentException("filemail.upload.parallel-files must be between 1 and "
                    + FileUploader.MAX_PARALLEL_FILES + ", got " + parallelFiles);
        }
    }
}
