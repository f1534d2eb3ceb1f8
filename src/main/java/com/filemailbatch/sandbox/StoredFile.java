package com.filemailbatch.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chunks of one uploaded file, kept on disk (uploads in later tests are large) with only sizes in memory.
 * A re-sent chunk replaces the earlier one, as a client retrying a failed chunk expects. In a sandbox that does
 * not store uploads, chunks are only {@link #counted}: the file has sizes but no bytes, and no SHA-256.
 */
final class StoredFile {

    private final String name;
    private final Path directory;
    private final Map<Integer, Long> chunkSizes = new ConcurrentHashMap<>();
    private volatile int chunksExpected = 1;
    private volatile boolean bytesKept = true;

    StoredFile(String name, Path directory) {
        this.name = name;
        this.directory = directory;
    }

    void commit(int chunk, int chunks, Path received) throws IOException {
        Files.createDirectories(directory);
        Files.move(received, chunkPath(chunk), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        chunkSizes.put(chunk, Files.size(chunkPath(chunk)));
        chunksExpected = chunks;
    }

    /** A chunk of {@code size} bytes arrived and was not kept. */
    void counted(int chunk, int chunks, long size) {
        chunkSizes.put(chunk, size);
        chunksExpected = chunks;
        bytesKept = false;
    }

    boolean complete() {
        int expected = chunksExpected;
        for (int i = 0; i < expected; i++) {
            if (!chunkSizes.containsKey(i)) {
                return false;
            }
        }
        return true;
    }

    long size() {
        return chunkSizes.values().stream().mapToLong(Long::longValue).sum();
    }

    String name() {
        return name;
    }

    SandboxFile snapshot() {
        boolean complete = complete();
        return new SandboxFile(name, size(), complete && bytesKept ? sha256() : null, chunkSizes.size(),
                chunksExpected, complete);
    }

    private String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < chunksExpected; i++) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(chunkPath(i)), digest)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path chunkPath(int chunk) {
        return directory.resolve(chunk + ".part");
    }
}
