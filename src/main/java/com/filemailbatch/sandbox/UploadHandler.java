package com.filemailbatch.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /savefile.ashx}: one file, or one chunk of it, as raw bytes with every parameter in the query
 * (docs/filemail-api.md, "Upload the files"). Without chunk parameters the body is the whole file (chunk 0 of 1). With them, every
 * chunk but the last must be exactly {@code chunksize} bytes, which catches a client that changes the chunk
 * size between chunks; the real service's rule is not documented. A sandbox that does not store uploads reads
 * and counts the body, and checks and records its length alike.
 */
final class UploadHandler {

    private final SandboxState state;
    private final boolean store;

    UploadHandler(SandboxState state, boolean store) {
        this.state = state;
        this.store = store;
    }

    void upload(SandboxRequest request) {
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")) {
            throw SandboxError.of(400, "InvalidRequest",
                    "Unsupported Content-Type '" + contentType + "'; upload raw bytes as application/octet-stream.");
        }
        Map<String, String> query = request.query();
        String id = required(query, "transferid");
        String key = required(query, "transferkey");
        String fileName = required(query, "thefilename");
        ChunkParameters chunking = ChunkParameters.from(query);
        StoredFile file = state.find(id, key).fileForUpload(fileName);
        if (!store) {
            long length = count(request);
            chunking.checkLength(length);
            file.counted(chunking.chunk(), chunking.chunks(), length);
            return;
        }
        Path received = receive(request);
        try {
            chunking.checkLength(Files.size(received));
            file.commit(chunking.chunk(), chunking.chunks(), received);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            received.toFile().delete();
        }
    }

    private Path receive(SandboxRequest request) {
        try {
            Path received = state.newUploadFile();
            Files.copy(request.stream(), received, StandardCopyOption.REPLACE_EXISTING);
            return received;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(SandboxRequest request) {
        try {
            return request.stream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw SandboxError.missingParameter(name);
        }
        return value;
    }

    /** {@code chunksize}, {@code chunks} and {@code chunk}: all three or none. */
    record ChunkParameters(Long chunkSize, int chunks, int chunk) {

        static ChunkParameters from(Map<String, String> query) {
            boolean any = query.containsKey("chunksize") || query.containsKey("chunks") || query.containsKey("chunk");
            if (!any) {
                return new ChunkParameters(null, 1, 0);
            }
            long chunkSize = TransferHandlers.intParameter(query, "chunksize", -1);
            int chunks = TransferHandlers.intParameter(query, "chunks", -1);
            int chunk = TransferHandlers.intParameter(query, "chunk", -1);
            if (chunkSize < 0 || chunks < 0 || chunk < 0) {
                throw SandboxError.missingParameter(chunkSize < 0 ? "chunksize" : chunks < 0 ? "chunks" : "chunk");
            }
            if (chunks < 1 || chunk >= chunks) {
                throw SandboxError.invalidParameter("chunk", "must be between 0 and chunks - 1 (chunks=" + chunks + ").");
            }
            return new ChunkParameters(chunkSize, chunks, chunk);
        }

        void checkLength(long length) {
            if (chunkSize == null) {
                return;
            }
            boolean last = chunk == chunks - 1;
            if (last ? length > chunkSize : length != chunkSize) {
                throw SandboxError.invalidParameter("chunksize", "does not match the body: chunk " + chunk + " of "
                        + chunks + " has " + length + " bytes, chunksize is " + chunkSize + ".");
            }
        }
    }
}
