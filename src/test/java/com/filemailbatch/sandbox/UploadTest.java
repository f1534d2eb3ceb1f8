package com.filemailbatch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.filemailbatch.sandbox.SandboxClient.Response;

import tools.jackson.databind.JsonNode;

class UploadTest {

    private final FilemailSandbox sandbox = FilemailSandbox.start();
    private final SandboxClient client = new SandboxClient(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void chunksSentOutOfOrderAreReassembled() throws Exception {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");
        byte[] file = new byte[2500];
        new Random(42).nextBytes(file);
        String base = credentials(init) + "&thefilename=report.pdf&chunksize=1000&chunks=3";

        for (int chunk : new int[] {2, 0, 1}) {
            byte[] part = Arrays.copyOfRange(file, chunk * 1000, Math.min(file.length, chunk * 1000 + 1000));
            Response response = client.upload(base + "&chunk=" + chunk, part);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.responsestatus()).isEqualTo("OK");
        }

        SandboxFile stored = sandbox.transfers().get(0).files().get(0);
        assertThat(stored.name()).isEqualTo("report.pdf");
        assertThat(stored.size()).isEqualTo(2500);
        assertThat(stored.chunksReceived()).isEqualTo(3);
        assertThat(stored.sha256()).isEqualTo(sha256(file));
        assertThat(client.complete(init).status()).isEqualTo(200);
        JsonNode details = client.get("/transfer/" + init.get("transferid").asString()).data();
        assertThat(details.get("size").asLong()).isEqualTo(2500);
        assertThat(details.get("files").get(0).get("filename").asString()).isEqualTo("report.pdf");
    }

    @Test
    void resetDeletesTheReceivedFilesAndUploadsStillWorkAfterIt() throws Exception {
        JsonNode first = client.initialize("{\"subject\":\"S\"}");
        String base = credentials(first) + "&thefilename=big.bin&chunksize=1000&chunks=2";
        assertThat(client.upload(base + "&chunk=0", new byte[1000]).status()).isEqualTo(200);
        assertThat(client.upload(base + "&chunk=1", new byte[500]).status()).isEqualTo(200);
        assertThat(filesBelow(sandbox.uploadRoot())).isNotEmpty();

        sandbox.reset();

        assertThat(filesBelow(sandbox.uploadRoot())).isEmpty();
        JsonNode second = client.initialize("{\"subject\":\"S2\"}");
        assertThat(client.upload(credentials(second) + "&thefilename=small.txt", "after reset".getBytes()).status())
                .isEqualTo(200);
        assertThat(sandbox.transfers()).hasSize(1);
        assertThat(sandbox.transfers().get(0).files().get(0).size()).isEqualTo(11);
    }

    @Test
    void aSandboxThatCountsUploadsChecksAndRecordsThemButWritesNothing() throws Exception {
        try (FilemailSandbox counting = FilemailSandbox.start(SandboxOptions.defaults().countingUploadsOnly())) {
            SandboxClient countingClient = new SandboxClient(counting);
            JsonNode init = countingClient.initialize("{\"subject\":\"S\"}");
            String base = credentials(init) + "&thefilename=big.bin&chunksize=1000&chunks=2";
            assertThat(countingClient.upload(base + "&chunk=0", new byte[1000]).status()).isEqualTo(200);

            SandboxFile half = counting.transfers().get(0).files().get(0);
            assertThat(half.complete()).isFalse();
            assertThat(countingClient.complete(init).responsestatus()).isEqualTo("UploadNotComplete");
            Response wrongLength = countingClient.upload(base + "&chunk=0", new byte[999]);
            assertThat(wrongLength.status()).isEqualTo(400);
            assertThat(wrongLength.body().get("errormessage").asString()).contains("999 bytes");
            assertThat(countingClient.upload(base + "&chunk=1", new byte[500]).status()).isEqualTo(200);

            SandboxFile whole = counting.transfers().get(0).files().get(0);
            assertThat(whole.complete()).isTrue();
            assertThat(whole.size()).isEqualTo(1500);
            assertThat(whole.chunksReceived()).isEqualTo(2);
            assertThat(whole.sha256()).as("no bytes kept, so no digest").isNull();
            assertThat(filesBelow(counting.uploadRoot())).isEmpty();
            assertThat(countingClient.complete(init).status()).isEqualTo(200);
        }
    }

    private static java.util.List<java.nio.file.Path> filesBelow(java.nio.file.Path root) throws Exception {
        try (java.util.stream.Stream<java.nio.file.Path> paths = java.nio.file.Files.walk(root)) {
            return paths.filter(java.nio.file.Files::isRegularFile).toList();
        }
    }

    @Test
    void unchunkedUploadIsOneChunkAndJournalledByLengthOnly() throws Exception {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");
        byte[] file = "hello sandbox".getBytes();

        assertThat(client.upload(credentials(init) + "&thefilename=a%20b.txt", file).status()).isEqualTo(200);

        SandboxFile stored = sandbox.transfers().get(0).files().get(0);
        assertThat(stored.name()).isEqualTo("a b.txt");
        assertThat(stored.sha256()).isEqualTo(sha256(file));
        RecordedRequest upload = sandbox.requests().get(1);
        assertThat(upload.path()).isEqualTo("/savefile.ashx");
        assertThat(upload.body()).isNull();
        assertThat(upload.bodyLength()).isEqualTo(file.length);
        assertThat(upload.header("Content-Type")).isEqualTo("application/octet-stream");
    }

    @Test
    void uploadIsAuthorisedByTheTransferKeyAloneWithoutApiKey() throws Exception {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");
        byte[] file = "no api key".getBytes();

        Response response = client.upload(credentials(init) + "&thefilename=f.txt", file);

        assertThat(response.status()).isEqualTo(200);
        assertThat(sandbox.requests().get(1).header("x-api-key")).isNull();
        assertThat(sandbox.transfers().get(0).files().get(0).sha256()).isEqualTo(sha256(file));
    }

    @Test
    void uploadWithoutApiVersionIsStillRejected() {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");
        Response response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl()
                + "/savefile.ashx?" + credentials(init) + "&thefilename=f.txt"))
                .header("Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[1])).build());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.responsestatus()).isEqualTo("InputParameterMissing");
    }

    @Test
    void aScriptedAnswerWithoutResponseStatusIsSentAsScripted() {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");
        sandbox.respondNext("POST", "/savefile.ashx", 449, null, "retry");

        Response response = client.upload(credentials(init) + "&thefilename=f", new byte[1]);

        assertThat(response.status()).isEqualTo(449);
        assertThat(response.body().get("responsestatus").isNull()).isTrue();
        assertThat(response.body().get("errormessage").asString()).isEqualTo("retry");
    }

    @Test
    void missingChunkBlocksCompleteWithUploadNotComplete() {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");
        client.upload(credentials(init) + "&thefilename=f&chunksize=4&chunks=2&chunk=0", new byte[4]);

        assertThat(sandbox.transfers().get(0).files().get(0).complete()).isFalse();
        Response complete = client.complete(init);
        assertThat(complete.status()).isEqualTo(400);
        assertThat(complete.responsestatus()).isEqualTo("UploadNotComplete");
    }

    @Test
    void chunkOfTheWrongSizeIsRejected() {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");
        Response response = client.upload(credentials(init) + "&thefilename=f&chunksize=4&chunks=2&chunk=0", new byte[3]);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.responsestatus()).isEqualTo("InvalidParameter");
    }

    @Test
    void missingParametersAndWrongKeyAreRejected() {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");
        Response missing = client.upload(credentials(init), new byte[1]);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.responsestatus()).isEqualTo("InputParameterMissing");
        assertThat(missing.body().get("validationerrors").get(0).get("propertyName").asString()).isEqualTo("thefilename");

        Response wrongKey = client.upload("transferid=" + init.get("transferid").asString()
                + "&transferkey=wrong&thefilename=f", new byte[1]);
        assertThat(wrongKey.status()).isEqualTo(400);
        assertThat(wrongKey.responsestatus()).isEqualTo("NotFound");
    }

    @Test
    void uploadToCancelledTransferIsNotFound() {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");
        client.cancel(init);
        Response response = client.upload(credentials(init) + "&thefilename=f", new byte[1]);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.responsestatus()).isEqualTo("NotFound");
    }

    private static String credentials(JsonNode init) {
        return "transferid=" + init.get("transferid").asString() + "&transferkey=" + init.get("transferkey").asString();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
