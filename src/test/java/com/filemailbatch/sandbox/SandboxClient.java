package com.filemailbatch.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A bare java.net.http client for the sandbox, so tests see exactly what goes over the wire. */
final class SandboxClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final FilemailSandbox sandbox;

    SandboxClient(FilemailSandbox sandbox) {
        this.sandbox = sandbox;
    }

    record Response(int status, JsonNode body) {

        String responsestatus() {
            return body.path("responsestatus").asString();
        }

        JsonNode data() {
            return body.path("data");
        }
    }

    Response post(String path, String json) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build());
    }

    Response put(String path, String json) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build());
    }

    Response get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** As real clients upload: no x-api-key, which belongs to the API host, not to the file server. */
    Response upload(String query, byte[] bytes) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/savefile.ashx?" + query))
                .timeout(Duration.ofSeconds(10))
                .header("x-api-version", "2.0")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /** Initializes a transfer with the given JSON body and returns its {@code data}. */
    JsonNode initialize(String json) {
        Response response = post("/transfer/initialize", json);
        if (response.status() != 200) {
            throw new AssertionError("initialize failed: " + response);
        }
        return response.data();
    }

    Response cancel(JsonNode init) {
        return put("/transfer/cancel", idAndKey(init));
    }

    Response complete(JsonNode init) {
        return put("/transfer/complete", idAndKey(init));
    }

    static String idAndKey(JsonNode init) {
        return JSON.writeValueAsString(Map.of("transferid", init.get("transferid").asString(),
                "transferkey", init.get("transferkey").asString()));
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("x-api-key", sandbox.apiKey())
                .header("x-api-version", "2.0");
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
