package com.filemailbatch.bench;

/**
 * What the workers figure measures: passes with 1, 2, … {@code maxWorkers} workers, each capped at
 * {@code capBytesPerSecond} (standing in for its machine's uplink), each pass delivering {@code filesPerWorker} files
 * of {@code fileMib} MiB per worker, so that every pass lasts about as long.
 */
public record WorkersSettings(int maxWorkers, long capBytesPerSecond, int filesPerWorker, int fileMib) {

    public WorkersSettings {
        if (maxWorkers < 1 || maxWorkers > 8 || capBytesPerSecond < 1 || filesPerWorker < 1 || fileMib < 1) {
            throw new IllegalArgumentException("workers must be 1 to 8, the cap at least 1 B/s, files per worker and "
                    + "file size at least 1");
        }
    }

    long fileBytes() {
        return fileMib * 1024L * 1024L;
    }
}
