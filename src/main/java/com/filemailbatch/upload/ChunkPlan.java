package com.filemailbatch.upload;

/**
 * How one file is cut into requests. A file of at most one chunk goes in one request without chunk
 * parameters; a larger one in {@code ceil(size / chunkSize)} chunks, all but the last of exactly
 * {@code chunkSize} bytes (the same {@code chunksize} on every chunk, as Filemail's upload page asks).
 */
record ChunkPlan(long size, long chunkSize) {

    boolean chunked() {
        return size > chunkSize;
    }

    /** 1 for an empty file, as Filemail's upload page asks. */
    int chunks() {
        return size == 0 ? 1 : Math.toIntExact((size + chunkSize - 1) / chunkSize);
    }

    long offset(int chunk) {
        return chunk * chunkSize;
    }

    long length(int chunk) {
        return Math.min(chunkSize, size - offset(chunk));
    }

    /** The chunk parameters of one request, or "" when the file goes unchunked. */
    String query(int chunk) {
        return chunked() ? "&chunksize=" + chunkSize + "&chunks=" + chunks() + "&chunk=" + chunk : "";
    }
}
