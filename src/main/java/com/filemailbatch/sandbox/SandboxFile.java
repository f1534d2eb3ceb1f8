package com.filemailbatch.sandbox;

/**
 * One file uploaded to a sandbox transfer, reassembled from its chunks.
 *
 * @param size           bytes received over all chunks
 * @param sha256         lower-case hex SHA-256 of the chunks joined in index order; null until every
 *                       expected chunk has arrived, and always null in a sandbox that does not store uploads
 * @param chunksReceived distinct chunk indexes received
 * @param chunksExpected the {@code chunks} query parameter of the latest upload (1 when not chunked)
 * @param complete       true when every chunk from 0 to {@code chunksExpected - 1} has arrived
 */
public record SandboxFile(String name, long size, String sha256, int chunksReceived, int chunksExpected,
        boolean complete) {
}
