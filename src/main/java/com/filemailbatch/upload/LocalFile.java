package com.filemailbatch.upload;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * One file to upload with {@link FileUploader#uploadAll}.
 *
 * @param path      the file on disk
 * @param name      the name the recipient sees ({@code thefilename})
 * @param fromChunk the first chunk to send, 0 for the whole file; later to resume after chunks already accepted
 * @param opener    how the file is opened; the upload step's opener refuses a file that is not the one validated
 */
public record LocalFile(Path path, String name, int fromChunk, Opener opener) {

    public LocalFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
        if (fromChunk < 0) {
            throw new IllegalArgumentException("fromChunk must not be negative, was " + fromChunk);
        }
    }

    /** The file at {@code path}, opened as it is. */
    public LocalFile(Path path, String name, int fromChunk) {
        this(path, name, fromChunk, () -> FileChannel.open(path, StandardOpenOption.READ));
    }

    /** The whole file, under its own file name. */
    public LocalFile(Path path) {
        this(path, path.getFileName().toString(), 0);
    }

    /** Opens the file to read for its upload. */
    @FunctionalInterface
    public interface Opener {
        FileChannel open() throws IOException;
    }
}
