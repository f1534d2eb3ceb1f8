package com.filemailbatch.upload;

/**
 * Told after each chunk the upload URL accepted, so a caller can record how far a file got and resume from
 * {@code chunk + 1} after a crash. With {@link FileUploader#uploadAll} it is called from several threads at once.
 * An exception thrown here stops that file's upload and is passed on to the caller.
 */
@FunctionalInterface
public interface ChunkListener {

    /**
     * @param name   the file's {@code thefilename}
     * @param chunk  the 0-based chunk just accepted
     * @param chunks the file's number of chunks (1 for a file sent in one request)
     */
    void chunkAccepted(String name, int chunk, int chunks);

    /** A listener that records nothing. */
    static ChunkListener none() {
        return (name, chunk, chunks) -> {
        };
    }
}
