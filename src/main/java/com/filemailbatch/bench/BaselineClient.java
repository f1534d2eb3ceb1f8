package com.filemailbatch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The practical ceiling: a plain {@code java.net.http} loop with the same concurrency making the same initialize
 * calls, with no batch framework, no database and no retries.
 */
final class BaselineClient {

    private BaselineClient() {
    }

    static Throughput initialize(URI baseUrl, String apiKey, int rows, int concurrency) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        Throughput.Clock clock = new Throughput.Clock();
        for (int t = 0; t < concurrency; t++) {
            threads.execute(() -> {
                for (int row = next.getAndIncrement(); row < rows; row = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/transfer/initialize"))
                            .header("x-api-key", apiKey)
                            .header("x-api-version", "2.0")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"Baseline transfer " + row
                                    + "\",\"to\":[\"r" + row + "@example.com\"]}"))
                            .build();
                    try {
                        if (client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.HOURS);
        Throughput measured = clock.end(rows);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " baseline calls failed");
        }
        return measured;
    }
}
