package com.filemailbatch.upload;

import com.filemailbatch.filemail.CallPolicy;
import com.filemailbatch.filemail.FilemailApiException;
import com.filemailbatch.filemail.FilemailFailures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Uploads local files to a transfer's upload URL (docs/filemail-api.md, "Upload the files"): POST of raw bytes streamed from disk,
 * {@code transferid}, {@code transferkey} and {@code thefilename} in the query, and for a file larger than one
 * chunk also {@code chunksize}, {@code chunks} and {@code chunk}. Memory does not grow with the file or chunk
 * size: each request body is read from the file through a small buffer.
 *
 * <p>Every request goes through {@link CallPolicy}: paced by its rate limit, measured, and retried when transient
 * (HTTP 406, 449, 429, 5xx, or no answer). The API key is never sent: the upload URL is a file server, and the transfer id
 * and key authorise the upload. Only https URLs are used, or http to a loopback address (the sandbox).
 *
 * <p>Thread-safe: one instance can serve every transfer of a run.
 */
public class FileUploader {

    private static final long MIB = 1024 * 1024;
    /** Filemail asks for chunks of 5–50 MB (taken as MiB, as clients use 5,242,880 bytes for "5 MB"). */
    public static final long MIN_CHUNK_SIZE = 5 * MIB;
    public static final long MAX_CHUNK_SIZE = 50 * MIB;
    public static final long DEFAULT_CHUNK_SIZE = 20 * MIB;
    public static final int DEFAULT_PARALLEL_FILES = 2;
    /** Filemail advises 2–4 files in parallel at most. */
    public static final int MAX_PARALLEL_FILES = 4;

    static final String OPERATION = "upload";
    /** Until the answer's headers arrive, so it covers sending a whole chunk over a slow line. */
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final CallPolicy policy;
    private final long chunkSize;
    private final Bandwidth bandwidth;
    private final HttpClient http;

    /** An uploader with {@link #DEFAULT_CHUNK_SIZE 20 MiB} chunks. */
    public FileUploader(CallPolicy policy) {
        this(policy, DEFAULT_CHUNK_SIZE);
    }

    /** @param chunkSize bytes per chunk, from {@link #MIN_CHUNK_SIZE} to {@link #MAX_CHUNK_SIZE} */
    public FileUploader(CallPolicy policy, long chunkSize) {
        this(policy, checkChunkSize(chunkSize), Bandwidth.UNLIMITED);
    }

    /** @param bandwidth the process's cap on the bytes sent, shared by every uploader of the process */
    public FileUploader(CallPolicy policy, long chunkSize, Bandwidth bandwidth) {
        this(policy, checkChunkSize(chunkSize), bandwidth, true);
    }

    /** {@code checked} only tells this constructor apart from the public one: the size is checked by now. */
    private FileUploader(CallPolicy policy, long chunkSize, Bandwidth bandwidth, boolean checked) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.chunkSize = chunkSize;
        this.bandwidth = Objects.requireNonNull(bandwidth, "bandwidth");
        // Redirects are not followed: the query carries the transfer key, and it must reach only the URL given.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /** Any chunk size from 1 byte, so tests need not write files of several MiB. */
    static FileUploader withAnyChunkSize(CallPolicy policy, long chunkSize) {
        return withAnyChunkSize(policy, chunkSize, Bandwidth.UNLIMITED);
    }

    /** As {@link #withAnyChunkSize(CallPolicy, long)}, held to {@code bandwidth}. */
    static FileUploader withAnyChunkSize(CallPolicy policy, long chunkSize, Bandwidth bandwidth) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1 byte, was " + chunkSize);
        }
        return new FileUploader(policy, chunkSize, bandwidth, false);
    }

    private static long checkChunkSize(long chunkSize) {
        if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("Upload chunk size must be between " + MIN_CHUNK_SIZE + " (5 MiB) and "
                    + MAX_CHUNK_SIZE + " (50 MiB) bytes, was " + chunkSize);
        }
        return chunkSize;
    }

    public long chunkSize() {
        return chunkSize;
    }

    /** How many chunks (requests) a file of {@code size} bytes takes: 1 for a file of at most one chunk. */
    public int chunksFor(long size) {
        return new ChunkPlan(size, chunkSize).chunks();
    }

    /** The whole file, under its own file name, from chunk 0. */
    public UploadedFile upload(UploadTarget target, Path file) {
        return upload(target, file, file.getFileName().toString(), 0, ChunkListener.none());
    }

    /**
     * Sends chunks {@code fromChunk .. chunks-1} of {@code file} as {@code name}, one after the other, telling
     * {@code listener} after each one accepted.
     *
     * @param fromChunk 0 for the whole file; to resume, the first chunk not yet accepted (up to {@code chunks},
     *                  which sends nothing)
     * @throws IllegalArgumentException when the URL is neither https nor http to loopback (nothing is sent), or
     *                                  {@code fromChunk} is out of range
     * @throws FilemailApiException     when a chunk was refused, or still failed after the retries
     * @throws UncheckedIOException     when the file cannot be read
     */
    public UploadedFile upload(UploadTarget target, Path file, String name, int fromChunk, ChunkListener listener) {
        return upload(target, new LocalFile(file, name, fromChunk), listener);
    }

    /** As {@link #upload(UploadTarget, Path, String, int, ChunkListener)}, the file opened by its own opener. */
    UploadedFile upload(UploadTarget target, LocalFile local, ChunkListener listener) {
        UploadUrl.check(target.uploadUrl());
        Path file = local.path();
        String name = local.name();
        int fromChunk = local.fromChunk();
        try (FileChannel channel = local.opener().open()) {
            ChunkPlan plan = new ChunkPlan(channel.size(), chunkSize);
            if (fromChunk < 0 || fromChunk > plan.chunks()) {
                throw new IllegalArgumentException("fromChunk must be between 0 and " + plan.chunks() + " for "
                        + name + ", was " + fromChunk);
            }
            String fileQuery = "transferid=" + UploadUrl.encode(target.transferId())
                    + "&transferkey=" + UploadUrl.encode(target.transferKey())
                    + "&thefilename=" + UploadUrl.encode(name);
            for (int chunk = fromChunk; chunk < plan.chunks(); chunk++) {
                URI url = UploadUrl.withQuery(target.uploadUrl(), fileQuery + plan.query(chunk));
                long offset = plan.offset(chunk);
                long length = plan.length(chunk);
                policy.withRetries(OPERATION, () -> policy.call(OPERATION,
                        () -> send(url, channel, offset, length)));
                listener.chunkAccepted(name, chunk, plan.chunks());
            }
            return new UploadedFile(name, plan.size(), plan.chunks());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " for upload", e);
        }
    }

    /**
     * Uploads several files of one transfer, up to {@code parallelFiles} at once. Fail-fast: the first failure
     * cancels the files not yet finished (in-flight requests are interrupted), waits for them to stop, and is
     * thrown with the other failures suppressed. Files that finished before stay uploaded; the listener has
     * recorded their chunks.
     *
     * @param parallelFiles 1 to {@link #MAX_PARALLEL_FILES}
     * @param listener      called from several threads at once
     * @return the uploaded files, in the order of {@code files}
     */
    public List<UploadedFile> uploadAll(UploadTarget target, List<LocalFile> files, int parallelFiles,
            ChunkListener listener) {
        if (parallelFiles < 1 || parallelFiles > MAX_PARALLEL_FILES) {
            throw new IllegalArgumentException("parallelFiles must be between 1 and " + MAX_PARALLEL_FILES
                    + ", was " + parallelFiles);
        }
        UploadUrl.check(target.uploadUrl());
        return new ParallelUploads(parallelFiles).run(files,
                file -> upload(target, file, listener));
    }

    /** One attempt at one request; a refusal becomes the matching {@link FilemailApiException}. */
    private Void send(URI url, FileChannel channel, long offset, long length) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .header("x-api-version", "2.0")
                .POST(body(channel, offset, length, bandwidth))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw FilemailFailures.noAnswer(OPERATION, e);
        } catch (InterruptedException e) {
            // Not a transient failure: the caller (a cancelled parallel upload, a stopping run) wants it to end.
            Thread.currentThread().interrupt();
            throw new CancellationException("Upload interrupted: " + url.getHost());
        }
        UploadAnswer answer = UploadAnswer.read(response);
        if (answer.status() / 100 != 2) {
            throw answer.failure(OPERATION);
        }
        return null;
    }

    /** The slice streams through the client's small buffer; the known length makes it a Content-Length body. */
    private static HttpRequest.BodyPublisher body(FileChannel channel, long offset, long length,
            Bandwidth bandwidth) {
        if (length == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                () -> new FileSlice(channel, offset, length, bandwidth)), length);
    }
}
