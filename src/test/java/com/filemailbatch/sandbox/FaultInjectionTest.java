package com.filemailbatch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.filemailbatch.sandbox.SandboxClient.Response;

import tools.jackson.databind.JsonNode;

/** Random faults against the real sandbox, seen through a bare java.net.http client. */
class FaultInjectionTest {

    private static final String INITIALIZE = "/transfer/initialize";
    private static final String BODY = "{\"subject\":\"S\"}";
    private static final Map<Integer, String> TRANSIENT_STATUSES =
            Map.of(429, "RateLimitExceeded", 500, "UnknownError", 503, "ServiceInterruption");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FilemailSandbox sandbox = FilemailSandbox.start();
    private SandboxClient client = new SandboxClient(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void fullTransientShareAnswersEveryRequestWithOneOfFourFaultsAndCreatesNothing() {
        sandbox.setFaults(SandboxFaults.transientShare(1.0));
        List<Integer> outcomes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            outcomes.add(outcome(() -> client.post(INITIALIZE, BODY)));
        }
        outcomes.add(outcome(() -> client.upload("transferid=x&transferkey=y&thefilename=a.txt", new byte[100])));
        outcomes.add(outcome(() -> client.put("/transfer/complete", "{}")));

        assertThat(outcomes).containsOnly(0, 429, 500, 503).contains(0, 429, 500, 503);
        assertThat(sandbox.transfers()).isEmpty();
        assertThat(sandbox.initializeCalls()).isZero();
        InjectedFaults injected = sandbox.injectedFaults();
        assertThat(injected.total()).isEqualTo(sandbox.requests().size());
        assertThat(injected.droppedAfterCreate()).isZero();
        assertThat(sandbox.requests()).extracting(RecordedRequest::status)
                .containsOnly(0, 429, 500, 503)
                .filteredOn(status -> status == 0).hasSize((int) injected.dropped());
    }

    @Test
    void transientFaultsComeBeforeTheHeaderChecksAndUseTheErrorEnvelope() throws Exception {
        sandbox.setFaults(SandboxFaults.transientShare(1.0));
        HttpRequest withoutKey = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + INITIALIZE))
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        HttpResponse<String> answered = firstAnswered(withoutKey);

        assertThat(answered.statusCode()).isIn(429, 500, 503);
        JsonNode body = SandboxClient.JSON.readTree(answered.body());
        assertThat(body.get("responsestatus").asString()).isEqualTo(TRANSIENT_STATUSES.get(answered.statusCode()));
        assertThat(body.get("errormessage").asString()).isNotBlank();
        assertThat(body.get("errorid").asString()).isNotBlank();
        assertThat(body.get("data").isNull()).isTrue();
    }

    @Test
    void aThirdOfInitializesFaultAndEveryOtherCreatesExactlyOneTransfer() {
        sandbox.setFaults(SandboxFaults.transientShare(0.3));
        // Eight at a time: each loopback call costs tens of milliseconds, and the shares hold across threads.
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Integer> outcomes;
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 400)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> outcome(() -> client.post(INITIALIZE, BODY)), callers))
                    .toList();
            outcomes = calls.stream().map(CompletableFuture::join).toList();
        } finally {
            callers.shutdown();
        }
        long ok = outcomes.stream().filter(status -> status == 200).count();
        long faulted = outcomes.size() - ok;

        assertThat(outcomes).containsOnly(200, 0, 429, 500, 503);
        assertThat(faulted / 400.0).isBetween(0.2, 0.4);
        assertThat(sandbox.transfers()).hasSize((int) ok);
        assertThat(sandbox.initializeCalls()).isEqualTo(ok);
        assertThat(sandbox.liveTransferCount()).isEqualTo(ok);
        assertThat(sandbox.injectedFaults().total()).isEqualTo(faulted);
        assertThat(sandbox.requests()).hasSize(400);
    }

    @Test
    void dropAfterCreateLosesTheAnswerButKeepsTheTransfer() {
        sandbox.setFaults(SandboxFaults.none().withDropAfterCreateShare(1.0));

        assertThatThrownBy(() -> client.post(INITIALIZE, BODY))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);

        assertThat(sandbox.liveTransferCount()).isEqualTo(1);
        assertThat(sandbox.initializeCalls()).isEqualTo(1);
        assertThat(sandbox.injectedFaults()).isEqualTo(new InjectedFaults(0, 0, 0, 0, 1));
        assertThat(sandbox.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo(INITIALIZE);
            assertThat(r.status()).isZero();
        });
        // Only initialize loses answers, and only when it created a transfer.
        assertThat(client.get("/transfer/sent").status()).isEqualTo(200);
        assertThat(client.post(INITIALIZE, "{}").status()).isEqualTo(400);
        assertThat(sandbox.injectedFaults().droppedAfterCreate()).isEqualTo(1);
        assertThat(sandbox.transfers()).hasSize(1);
    }

    @Test
    void injected429CarriesRetryAfterWhenConfiguredAndOtherFaultsDoNot() throws Exception {
        sandbox.setFaults(SandboxFaults.transientShare(1.0).withRetryAfter(Duration.ofMillis(1500)));
        Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 60 && !seen.containsAll(Set.of(429, 500, 503)); i++) {
            HttpResponse<String> response = firstAnswered(client.request(INITIALIZE)
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build());
            seen.add(response.statusCode());
            if (response.statusCode() == 429) {
                assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
            } else {
                assertThat(response.headers().firstValue("Retry-After")).isEmpty();
            }
        }
        assertThat(seen).contains(429, 500, 503);

        sandbox.setFaults(SandboxFaults.transientShare(1.0));
        HttpResponse<String> without = firstAnswered(client.request(INITIALIZE)
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), 429);
        assertThat(without.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void respondNextCanSendRetryAfter() throws Exception {
        sandbox.respondNext("POST", INITIALIZE, 429, "RateLimitExceeded", "Slow down", Duration.ofSeconds(7));
        sandbox.respondNext("POST", INITIALIZE, 429, "RateLimitExceeded", "Slow down");

        HttpResponse<String> first = send(client.request(INITIALIZE).POST(HttpRequest.BodyPublishers.ofString(BODY)).build());
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
        HttpResponse<String> second = send(client.request(INITIALIZE).POST(HttpRequest.BodyPublishers.ofString(BODY)).build());
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void scriptedAnswersAndUnavailabilityWinOverFaultsAndAreNotCounted() {
        sandbox.setFaults(SandboxFaults.transientShare(1.0));
        sandbox.respondNext("POST", INITIALIZE, 418, "InvalidRequest", "Scripted");
        assertThat(client.post(INITIALIZE, BODY).status()).isEqualTo(418);
        sandbox.setUnavailable(true);
        assertThatThrownBy(() -> client.post(INITIALIZE, BODY)).isInstanceOf(UncheckedIOException.class);

        assertThat(sandbox.injectedFaults().total()).isZero();
    }

    @Test
    void unknownPathsGetTheir404NotAFault() {
        sandbox.setFaults(SandboxFaults.transientShare(1.0));
        assertThat(client.get("/nowhere").status()).isEqualTo(404);
        assertThat(sandbox.injectedFaults().total()).isZero();
    }

    @Test
    void setFaultsNoneStopsThemAndResetClearsFaultsAndCounters() {
        sandbox.setFaults(SandboxFaults.transientShare(1.0));
        outcome(() -> client.post(INITIALIZE, BODY));
        sandbox.setFaults(SandboxFaults.none());
        assertThat(client.post(INITIALIZE, BODY).status()).isEqualTo(200);
        assertThat(sandbox.injectedFaults().total()).isEqualTo(1);

        sandbox.setFaults(SandboxFaults.transientShare(1.0).withDropAfterCreateShare(0));
        outcome(() -> client.post(INITIALIZE, BODY));
        sandbox.reset();

        assertThat(sandbox.faults()).isEqualTo(SandboxFaults.none());
        assertThat(sandbox.injectedFaults()).isEqualTo(new InjectedFaults(0, 0, 0, 0, 0));
        assertThat(sandbox.initializeCalls()).isZero();
        assertThat(client.post(INITIALIZE, BODY).status()).isEqualTo(200);
        assertThat(sandbox.injectedFaults().total()).isZero();
    }

    @Test
    void faultsGivenAtStartApplyFromTheFirstRequestAndShowInTheBanner() {
        sandbox.close();
        sandbox = FilemailSandbox.start(SandboxOptions.defaults().withFaults(SandboxFaults.transientShare(1.0)));
        client = new SandboxClient(sandbox);

        assertThat(outcome(() -> client.post(INITIALIZE, BODY))).isIn(0, 429, 500, 503);
        assertThat(sandbox.transfers()).isEmpty();
        assertThat(sandbox.banner()).contains("injecting faults: 100% transient");
    }

    /** The HTTP status, or 0 when the connection was dropped. */
    private static int outcome(java.util.function.Supplier<Response> call) {
        try {
            return call.get().status();
        } catch (UncheckedIOException e) {
            return 0;
        }
    }

    /** Sends until the sandbox answers instead of dropping (and, if given, with this status). */
    private HttpResponse<String> firstAnswered(HttpRequest request, int... wanted) throws Exception {
        for (int i = 0; i < 100; i++) {
            try {
                HttpResponse<String> response = send(request);
                if (wanted.length == 0 || response.statusCode() == wanted[0]) {
                    return response;
                }
            } catch (IOException dropped) {
                // a dropped connection is one of the faults; draw again
            }
        }
        throw new AssertionError("no answer in 100 tries");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
