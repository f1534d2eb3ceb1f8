package com.filemailbatch.support;

import com.filemailbatch.sandbox.FilemailSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the sandbox directly, for the steps a test plays itself (for example completing a transfer). */
public final class SandboxHttp {

    private SandboxHttp() {
    }

    /** {@code PUT /transfer/complete}, as another tool finishing the upload would; returns the HTTP status. */
    public static int complete(FilemailSandbox sandbox, String transferId, String transferKey) {
        String body = "{\"transferid\":\"" + transferId + "\",\"transferkey\":\"" + transferKey + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/transfer/complete"))
                .header("x-api-key", sandbox.apiKey())
                .header("x-api-version", "2.0")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
