package com.filemailbatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upload baseline: a plain {@code java.net.http} client posting a file to an upload URL in the same chunks as
 * the job ({@code chunksize}, {@code chunks}, {@code chunk} in the query, raw bytes as application/octet-stream, one
 * chunk after the other, no retries, no ledger), timed in MB/s. {@link JobBenchmark} times the job's upload step on
 * the same file against a sandbox set up the same way.
 */
public final class UploadBaseline {

    private static final int BUFFER = 1 << 16;

    private UploadBaseline() {
    }

    /**
     * Initializes a transfer at {@code baseUrl} (one plain call, not timed), then uploads {@code file} to it as
     * {@link #megabytesPerSecond} does.
     *
     * @return MB/s of the upload alone
     */
    public static double initializeAndUpload(URI baseUrl, String apiKey, Path file, long chunkSize)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/transfer/initialize"))
                .header("x-api-key", apiKey)
                .header("x-api-version", "2.0")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"Upload baseline\",\"transfersize\":"
                        + Files.size(file) + "}"))
                .build();
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("initialize refused: HTTP " + answer.statusCode() + " " + answer.body());
        }
        JsonNode transfer = JsonMapper.builder().build().readTree(answer.body()).get("data");
        return megabytesPerSecond(URI.create(transfer.get("transferurl").asString()),
                transfer.get("transferid").asString(), transfer.get("transferkey").asString(), file, chunkSize);
    }

    /**
     * Uploads {@code file} to {@code uploadUrl} (a transfer's {@code transferurl}) for the given transfer.
     *
     * @return MB/s (10^6 bytes per second) from the first byte sent to the last chunk's answer
     * @throws IllegalStateException when a chunk is refused
     */
    public static double megabytesPerSecond(URI uploadUrl, String transferId, String transferKey, Path file,
            long chunkSize) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long size = Files.size(file);
        int chunks = size == 0 ? 1 : Math.toIntExact((size + chunkSize - 1) / chunkSize);
        String fileQuery = "transferid=" + encode(transferId) + "&transferkey=" + encode(transferKey)
                + "&thefilename=" + encode(file.getFileName().toString());
        long started = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int chunk = 0; chunk < chunks; chunk++) {
                long offset = chunk * chunkSize;
                long length = Math.min(chunkSize, size - offset);
                String query = fileQuery + (chunks > 1 ? "&chunksize=" + chunkSize + "&chunks=" + chunks
                        + "&chunk=" + chunk : "");
                URI url = URI.create(uploadUrl + (uploadUrl.getRawQuery() == null ? "?" : "&") + query);
                HttpRequest request = HttpRequest.newBuilder(url)
                        .header("Content-Type", "application/octet-stream")
                        .header("x-api-version", "2.0")
                        .POST(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> slice(channel, offset, length)),
                                length))
                        .build();
                HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("chunk " + chunk + " refused: HTTP " + answer.statusCode()
                            + " " + answer.body());
                }
            }
        }
        return size / 1e6 / ((System.nanoTime() - started) / 1e9);
    }

    /**
     * A file of {@code bytes} pseudo-random bytes (incompressible, reproducible), written in 64 KiB blocks and
     * forced to disk: otherwise the kernel writes its dirty pages back while the first side uploads it, and that
     * side alone pays for the disk being busy.
     */
    public static Path generateFile(Path file, long bytes) throws IOException {
        Random random = new Random(6);
        byte[] block = new byte[BUFFER];
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long written = 0; written < bytes; written += block.length) {
                random.nextBytes(block);
                ByteBuffer buffer = ByteBuffer.wrap(block, 0, (int) Math.min(block.length, bytes - written));
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            out.force(true);
        }
        return file;
    }

    /**
     * {@code length} bytes of the file from {@code offset}, read as sent with positional reads straight into the
     * client's buffer (no buffer of its own: the plain client should not pay a copy the job does not pay).
     */
    private static InputStream slice(FileChannel channel, long offset, long length) {
        return new InputStream() {
            private long position = offset;
            private final long end = offset + length;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int from, int count) throws IOException {
                if (count == 0) {
                    return 0;
                }
                if (position >= end) {
                    return -1;
                }
                int n = channel.read(ByteBuffer.wrap(buffer, from, (int) Math.min(count, end - position)), position);
                if (n > 0) {
                    position += n;
                }
                return n;
            }
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
