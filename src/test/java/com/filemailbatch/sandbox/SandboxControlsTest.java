package com.filemailbatch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.filemailbatch.sandbox.SandboxClient.Response;

/** The test-facing knobs: scripted errors, latency, unavailability and the request journal. */
class SandboxControlsTest {

    private final FilemailSandbox sandbox = FilemailSandbox.start();
    private final SandboxClient client = new SandboxClient(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void respondNextAnswersQueuedErrorsInOrderThenResumes() {
        sandbox.respondNext("POST", "/transfer/initialize", 429, "RateLimitExceeded", "Slow down");
        sandbox.respondNext("post", "/transfer/initialize", 500, "UnknownError", "Boom");

        Response first = client.post("/transfer/initialize", "{\"subject\":\"S\"}");
        assertThat(first.status()).isEqualTo(429);
        assertThat(first.responsestatus()).isEqualTo("RateLimitExceeded");
        assertThat(first.body().get("errormessage").asString()).isEqualTo("Slow down");
        assertThat(first.body().get("validationerrors").isNull()).isTrue();
        Response second = client.post("/transfer/initialize", "{\"subject\":\"S\"}");
        assertThat(second.status()).isEqualTo(500);
        assertThat(second.body().get("errorcode").asInt()).isEqualTo(1001);
        assertThat(client.post("/transfer/initialize", "{\"subject\":\"S\"}").status()).isEqualTo(200);
        assertThat(sandbox.transfers()).hasSize(1);
    }

    @Test
    void respondNextOnlyMatchesItsMethodAndPath() {
        sandbox.respondNext("PUT", "/transfer/cancel", 503, "ServiceInterruption", "Maintenance");
        assertThat(client.post("/transfer/initialize", "{\"subject\":\"S\"}").status()).isEqualTo(200);
        Response cancel = client.put("/transfer/cancel", "{}");
        assertThat(cancel.status()).isEqualTo(503);
        assertThat(cancel.body().get("errorcode").asInt()).isEqualTo(1009);
    }

    @Test
    void journalRecordsMethodPathQueryHeadersBodyAndStatus() {
        client.post("/transfer/initialize", "{\"subject\":\"S\"}");
        client.get("/transfer/sent?search=a%20b&limit=5");

        List<RecordedRequest> requests = sandbox.requests();
        assertThat(requests).extracting(RecordedRequest::method, RecordedRequest::path, RecordedRequest::status)
                .containsExactly(tuple("POST", "/transfer/initialize", 200),
                        tuple("GET", "/transfer/sent", 200));
        RecordedRequest init = requests.get(0);
        assertThat(init.body()).isEqualTo("{\"subject\":\"S\"}");
        assertThat(init.bodyLength()).isEqualTo(15);
        assertThat(init.query()).isNull();
        assertThat(init.headers()).containsKeys("x-api-key", "x-api-version", "content-type");
        assertThat(init.header("X-Api-Version")).isEqualTo("2.0");
        assertThat(requests.get(1).query()).isEqualTo("search=a%20b&limit=5");

        sandbox.clearRequests();
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void latencyDelaysEveryAnswer() {
        sandbox.setLatency(Duration.ofMillis(300));
        long start = System.nanoTime();
        client.get("/transfer/sent");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void unavailableDropsTheConnection() {
        sandbox.setUnavailable(true);
        assertThatThrownBy(() -> client.post("/transfer/initialize", "{\"subject\":\"S\"}"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(sandbox.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isZero());
        assertThat(sandbox.transfers()).isEmpty();

        sandbox.setUnavailable(false);
        assertThat(client.post("/transfer/initialize", "{\"subject\":\"S\"}").status()).isEqualTo(200);
    }

    @Test
    void concurrentInitializesAllSucceed() {
        List<CompletableFuture<Response>> calls = IntStream.range(0, 40)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> client.post("/transfer/initialize", "{\"subject\":\"S" + i + "\"}")))
                .toList();
        assertThat(calls).allSatisfy(call -> assertThat(call.join().status()).isEqualTo(200));
        assertThat(sandbox.transfers()).hasSize(40);
        assertThat(sandbox.liveTransferCount()).isEqualTo(40);
        assertThat(sandbox.requests()).hasSize(40);
    }
}
