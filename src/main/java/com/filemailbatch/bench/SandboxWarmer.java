package com.filemailbatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Brings the in-process sandbox's code up to speed before the cold passes, as a real service is: initialize calls
 * through {@link HttpURLConnection}, a client stack that neither side uses ({@code java.net.http} is both sides'
 * transport), so that only the server side is warm when a side's cold pass begins.
 */
final class SandboxWarmer {

    private SandboxWarmer() {
    }

    static void warm(URI baseUrl, String apiKey, int calls, int concurrency) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            threads.execute(() -> {
                for (int call = next.getAndIncrement(); call < calls; call = next.getAndIncrement()) {
                    if (!initialize(baseUrl, apiKey, call)) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.HOURS);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of the sandbox's warm-up calls failed");
        }
    }

    private static boolean initialize(URI baseUrl, String apiKey, int call) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + "/transfer/initialize").toURL()
                    .openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("x-api-key", apiKey);
            connection.setRequestProperty("x-api-version", "2.0");
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream body = connection.getOutputStream()) {
                body.write(("{\"subject\":\"Warm-up transfer " + call + "\",\"to\":[\"w" + call
                        + "@example.com\"]}").getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            // Read to the end, so that the connection is kept for the next call.
            try (InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (answer != null) {
                    answer.readAllBytes();
                }
            }
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
