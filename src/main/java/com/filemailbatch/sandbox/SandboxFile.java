package com.filemailbatch.sandbox;

/**
 * One file uploaded to a sandbox transfer, reassembled from its chunks.
 *
 * @param size           bytes received over all chunks
 * @param sha256         lower-case hex SHA-256 of the chunks joined in index order; null until every
 *                       expected chunk has arrived
 * @param chunksReceived distinct chunk indexes received
 * @param chunksExpected the {@code chunks} query parameter of the latest upload (1 when not chunked)
 */
public record SandboxFile(String name, long size, String sha256, int chunksReceived, int chunksExpected) {

    /** True when every chunk from 0 to {@code chunksExpected - 1} has arrived. */
    public boolean complete() {
        return sha256 != null;
    }
}
