package com.filemailbatch.ledger;

import java.nio.file.Path;

/**
 * How far one file of a transfer got, as recorded in {@code transfer_upload_progress}.
 *
 * @param nextChunk the first chunk the upload URL has not accepted yet ({@code chunks} once done)
 */
public record FileProgress(int fileIndex, Path path, String fileName, long size, long chunkSize, int chunks, int nextChunk,
        boolean done) {

    /** Bytes of one chunk of this file. */
    public long bytesOf(int chunk) {
        if (size <= chunkSize) {
            return size;
        }
        return Math.min(chunkSize, size - (long) chunk * chunkSize);
    }

    /** Bytes the upload URL already accepted. */
    public long bytesSent() {
        return done ? size : Math.min(size, (long) nextChunk * chunkSize);
    }
}
