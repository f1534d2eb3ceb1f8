package com.filemailbatch.upload;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file to upload with {@link FileUploader#uploadAll}.
 *
 * @param path      the file on disk
 * @param name      the name the recipient sees ({@code thefilename})
 * @param fromChunk the first chunk to send, 0 for the whole file; later to resume after chunks already accepted
 */
public record LocalFile(Path path, String name, int fromChunk) {

    public LocalFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        if (fromChunk < 0) {
            throw new IllegalArgumentException("fromChunk must not be negative, was " + fromChunk);
        }
    }

    /** The whole file, under its own file name. */
    public LocalFile(Path path) {
        this(path, path.getFileName().toString(), 0);
    }
}
