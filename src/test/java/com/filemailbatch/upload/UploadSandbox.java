package com.filemailbatch.upload;

import com.filemailbatch.filemail.CallPolicy;
import com.filemailbatch.filemail.FilemailCallMetrics;
import com.filemailbatch.filemail.FilemailProperties;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.RecordedRequest;
import com.filemailbatch.sandbox.SandboxFile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A sandbox with one initialized transfer, and the small helpers the upload tests share. */
final class UploadSandbox implements AutoCloseable {

    static final int CHUNK = 64 * 1024;

    final FilemailSandbox sandbox = FilemailSandbox.start();
    final UploadTarget target;

    UploadSandbox() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/transfer/initialize"))
                .header("x-api-key", sandbox.apiKey())
                .header("x-api-version", "2.0")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"Upload test\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("initialize failed: " + response.body());
        }
        JsonNode data = JsonMapper.builder().build().readTree(response.body()).get("data");
        target = new UploadTarget(data.get("transferid").asString(), data.get("transferkey").asString(),
                URI.create(data.get("transferurl").asString()));
    }

    /** Short backoffs, and a cap that also shortens any Retry-After, so retries cost milliseconds. */
    static CallPolicy policy(int attempts) {
        return new CallPolicy(new FilemailProperties("http://unused", "k", 0,
                new FilemailProperties.Retry(attempts, Duration.ofMillis(1), Duration.ofMillis(20), 2.0, 10)),
                new FilemailCallMetrics(new SimpleMeterRegistry()));
    }

    static FileUploader uploader(int attempts) {
        return FileUploader.withAnyChunkSize(policy(attempts), CHUNK);
    }

    SandboxFile stored(String name) {
        return sandbox.transfers().get(0).files().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no file " + name + " in the sandbox"));
    }

    List<RecordedRequest> uploads() {
        return sandbox.requests().stream().filter(r -> r.path().equals("/savefile.ashx")).toList();
    }

    static Path randomFile(Path dir, String name, long size) throws IOException {
        Path file = dir.resolve(name);
        Random random = new Random(size);
        byte[] buffer = new byte[8192];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, (int) Math.min(buffer.length, left));
            }
        }
        return file;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
