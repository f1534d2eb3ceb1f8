package com.filemailbatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bench's plain upload client sends the file whole, in the job's chunks, to the transfer's upload URL. */
class UploadBaselineTest {

    @TempDir
    Path dir;

    @Test
    void uploadsEveryChunkOfTheGeneratedFileSoTheSandboxHoldsTheSameBytes() throws Exception {
        try (FilemailSandbox sandbox = FilemailSandbox.start()) {
            JsonNode transfer = initialize(sandbox);
            Path file = UploadBaseline.generateFile(dir.resolve("bench.bin"), 200_001);

            double megabytesPerSecond = UploadBaseline.megabytesPerSecond(
                    URI.create(transfer.get("transferurl").asString()), transfer.get("transferid").asString(),
                    transfer.get("transferkey").asString(), file, 65_536);

            assertThat(megabytesPerSecond).isPositive();
            assertThat(Files.size(file)).isEqualTo(200_001);
            SandboxFile stored = sandbox.transfers().get(0).files().get(0);
            assertThat(stored.name()).isEqualTo("bench.bin");
            assertThat(stored.size()).isEqualTo(200_001);
            assertThat(stored.chunksReceived()).isEqualTo(4);
            assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        }
    }

    private static JsonNode initialize(FilemailSandbox sandbox) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/transfer/initialize"))
                .header("x-api-key", sandbox.apiKey())
                .header("x-api-version", "2.0")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"Upload baseline\"}"))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(answer.body()).get("data");
    }
}
