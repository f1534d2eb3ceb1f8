package com.filemailbatch.filemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.OpenApiSchemas;
import com.filemailbatch.sandbox.RecordedRequest;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.FilemailBatchTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Feign client against the sandbox: what goes over the wire matches the seeds' schemas, and every answer
 * comes back as the right outcome or exception.
 */
@FilemailBatchTest
class FilemailApiContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenApiSchemas SCHEMAS = OpenApiSchemas.load();

    @Autowired
    FilemailApi api;

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    FilemailProperties properties;

    @BeforeEach
    void cleanSandbox() {
        sandbox.reset();
    }

    @Test
    void aMinimalInitializeSendsOnlyTheSubject() {
        TransferInitializeResult result = api.initialize(minimal("Just a subject"));

        RecordedRequest sent = onlyRequest("POST", "/transfer/initialize");
        JsonNode body = validBody(sent, "InitializeTransferRequest");
        assertThat(fieldNames(body)).containsExactly("subject");
        assertThat(body.get("subject").asString()).isEqualTo("Just a subject");
        assertThat(sent.status()).isEqualTo(200);

        SandboxTransfer created = onlyTransfer();
        assertThat(result.transferid()).isEqualTo(created.id());
        assertThat(result.transferkey()).isEqualTo(created.key());
        assertThat(result.transferurl()).isEqualTo(sandbox.baseUrl() + "/savefile.ashx");
        assertThat(result.region()).isEqualTo("sandbox");
        assertThat(result.alternateUrls()).isEmpty();
        assertThat(result.transferip()).isEqualTo("127.0.0.1");
        assertThat(result.udpport()).isNull();
        assertThat(result.customfields()).isEmpty();
    }

    @Test
    void everyFieldOfAFullInitializeIsSentUnderItsSchemaName() {
        InitializeTransferRequest request = new InitializeTransferRequest(List.of("ann@example.com", "bob@example.com"),
                "Invoice 7", "Hello,\nplease find the invoice attached.", "pa\"ss word", true, false, 7,
                123_456_789_012L, FilemailApi.SOURCE_DETAILS);

        api.initialize(request);

        RecordedRequest sent = onlyRequest("POST", "/transfer/initialize");
        JsonNode body = validBody(sent, "InitializeTransferRequest");
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("to", "subject", "message", "password",
                "confirmation", "notify", "days", "transfersize", "sourcedetails");
        assertThat(body.get("to").isArray()).isTrue();
        List<String> to = new java.util.ArrayList<>();
        body.get("to").forEach(address -> to.add(address.asString()));
        assertThat(to).containsExactly("ann@example.com", "bob@example.com");
        assertThat(body.get("subject").asString()).isEqualTo("Invoice 7");
        assertThat(body.get("message").asString()).isEqualTo("Hello,\nplease find the invoice attached.");
        assertThat(body.get("password").asString()).isEqualTo("pa\"ss word");
        assertThat(body.get("confirmation").isBoolean()).isTrue();
        assertThat(body.get("confirmation").asBoolean()).isTrue();
        assertThat(body.get("notify").isBoolean()).isTrue();
        assertThat(body.get("notify").asBoolean()).isFalse();
        assertThat(body.get("days").isInt()).isTrue();
        assertThat(body.get("days").asInt()).isEqualTo(7);
        assertThat(body.get("transfersize").asLong()).isEqualTo(123_456_789_012L);
        assertThat(body.get("sourcedetails").asString()).startsWith("filemail-batch/");
        assertThat(sent.body()).doesNotContain("notification");
        assertThat(onlyTransfer().recipients()).containsExactly("ann@example.com", "bob@example.com");
    }

    @Test
    void absentValuesAreLeftOutNotSentAsNull() {
        api.initialize(new InitializeTransferRequest(null, "Some", null, null, null, true, null, null,
                FilemailApi.SOURCE_DETAILS));

        RecordedRequest sent = onlyRequest("POST", "/transfer/initialize");
        JsonNode body = validBody(sent, "InitializeTransferRequest");
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("subject", "notify", "sourcedetails");
        assertThat(sent.body()).doesNotContain("null");
    }

    @Test
    void cancelSendsTheTransfersIdAndKeyAndCancelsIt() {
        TransferInitializeResult transfer = api.initialize(minimal("To cancel"));
        sandbox.clearRequests();

        assertThat(api.cancel(transfer.transferid(), transfer.transferkey())).isEqualTo(CancelOutcome.CANCELLED);

        RecordedRequest sent = onlyRequest("PUT", "/transfer/cancel");
        JsonNode body = validBody(sent, "CancelTransferRequest");
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("transferid", "transferkey");
        assertThat(body.get("transferid").asString()).isEqualTo(transfer.transferid());
        assertThat(body.get("transferkey").asString()).isEqualTo(transfer.transferkey());
        assertThat(sent.status()).isEqualTo(200);
        assertThat(onlyTransfer().status()).isEqualTo(SandboxTransfer.Status.CANCELLED);
    }

    @Test
    void aTransferCancelledBeforeIsGone() {
        TransferInitializeResult transfer = api.initialize(minimal("Twice"));
        api.cancel(transfer.transferid(), transfer.transferkey());

        assertThat(api.cancel(transfer.transferid(), transfer.transferkey())).isEqualTo(CancelOutcome.GONE);
        assertThat(sandbox.requests()).extracting(RecordedRequest::status).containsExactly(200, 200, 400);
    }

    @Test
    void aCompletedTransferIsReportedAsAlreadyCompleted() throws Exception {
        TransferInitializeResult transfer = api.initialize(minimal("Completed"));
        completeThroughTheApi(transfer);

        assertThat(api.cancel(transfer.transferid(), transfer.transferkey()))
                .isEqualTo(CancelOutcome.ALREADY_COMPLETED);
        assertThat(onlyTransfer().status()).isEqualTo(SandboxTransfer.Status.COMPLETED);
    }

    @Test
    void anExpiredTransferIsGone() {
        TransferInitializeResult transfer = api.initialize(minimal("Expired"));
        sandbox.expire(transfer.transferid());

        assertThat(api.cancel(transfer.transferid(), transfer.transferkey())).isEqualTo(CancelOutcome.GONE);
        assertThat(onlyTransfer().status()).isEqualTo(SandboxTransfer.Status.EXPIRED);
    }

    @Test
    void aRejectedRecipientComesBackWithItsValidationErrors() {
        assertThatThrownBy(() -> api.initialize(new InitializeTransferRequest(List.of("ann@example.com", "bob@"),
                "Bad recipient", null, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(FilemailApiException.class, e -> {
                    assertThat(e.failureClass()).isEqualTo(FailureClass.ROW);
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.statusLabel()).isEqualTo("InvalidEmail");
                    assertThat(e.validationErrors()).containsExactly(new ValidationError("to[1]", "InvalidEmail",
                            "'bob@' is not a valid e-mail address."));
                    assertThat(e).hasMessage("Filemail initialize answered HTTP 400 InvalidEmail: Invalid e-mail "
                            + "address: bob@ [to[1]: InvalidEmail ('bob@' is not a valid e-mail address.)]");
                });
        assertThat(sandbox.transfers()).isEmpty();
    }

    @Test
    void theRateLimitIsTransientOnBothCalls() {
        TransferInitializeResult transfer = api.initialize(minimal("Busy"));
        sandbox.respondNext("POST", "/transfer/initialize", 429, "RateLimitExceeded", "Slow down.");
        for (int attempt = 0; attempt < properties.retry().maxAttempts(); attempt++) {
            sandbox.respondNext("PUT", "/transfer/cancel", 429, "RateLimitExceeded", "Slow down.");
        }

        // initialize is never retried here (a retried initialize may create a second transfer: the send package
        // retries it with reconciliation); cancel is retried until its attempts are used up.
        assertThatThrownBy(() -> api.initialize(minimal("Busy again")))
                .isInstanceOfSatisfying(FilemailApiException.class, e -> {
                    assertThat(e.failureClass()).isEqualTo(FailureClass.TRANSIENT);
                    assertThat(e.httpStatus()).isEqualTo(429);
                    assertThat(e.statusLabel()).isEqualTo("RateLimitExceeded");
                    assertThat(e).hasMessage("Filemail initialize answered HTTP 429 RateLimitExceeded: Slow down.");
                });
        assertThatThrownBy(() -> api.cancel(transfer.transferid(), transfer.transferkey()))
                .isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.TRANSIENT))
                .hasMessage("Filemail cancel answered HTTP 429 RateLimitExceeded: Slow down.");
        assertThat(onlyTransfer().status()).isEqualTo(SandboxTransfer.Status.INITIALIZED);
        assertThat(sandbox.requests()).filteredOn(r -> r.path().equals("/transfer/cancel"))
                .hasSize(properties.retry().maxAttempts());
    }

    @Test
    void theDailyQuotaIsItsOwnException() {
        sandbox.respondNext("POST", "/transfer/initialize", 429, "ApiKeyQuotaExceeded", "Daily quota used up.");

        assertThatThrownBy(() -> api.initialize(minimal("Quota")))
                .isInstanceOfSatisfying(FilemailApiException.class, e -> {
                    assertThat(e.failureClass()).isEqualTo(FailureClass.QUOTA);
                    assertThat(e.httpStatus()).isEqualTo(429);
                    assertThat(e.statusLabel()).isEqualTo("ApiKeyQuotaExceeded");
                });
    }

    @Test
    void aServerErrorIsTransientAndACancelIsRetriedPastIt() {
        TransferInitializeResult transfer = api.initialize(minimal("Server error"));
        sandbox.respondNext("PUT", "/transfer/cancel", 500, "UnknownError", "Something broke.");
        sandbox.respondNext("PUT", "/transfer/cancel", 503, "ServiceInterruption", "Back soon.", Duration.ofSeconds(0));

        assertThat(api.cancel(transfer.transferid(), transfer.transferkey())).isEqualTo(CancelOutcome.CANCELLED);
        assertThat(sandbox.requests()).filteredOn(r -> r.path().equals("/transfer/cancel"))
                .extracting(RecordedRequest::status).containsExactly(500, 503, 200);

        for (int attempt = 0; attempt < properties.retry().maxAttempts(); attempt++) {
            sandbox.respondNext("POST", "/transfer/initialize", 500, "UnknownError", "Something broke.");
        }
        assertThatThrownBy(() -> api.initialize(minimal("Server error again")))
                .isInstanceOfSatisfying(FilemailApiException.class, e -> {
                    assertThat(e.failureClass()).isEqualTo(FailureClass.TRANSIENT);
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.statusLabel()).isEqualTo("UnknownError");
                    assertThat(e).hasMessage("Filemail initialize answered HTTP 500 UnknownError: Something broke.");
                });
    }

    @Test
    void aWrongApiKeyIsFatalOnBothCalls() {
        TransferInitializeResult transfer = api.initialize(minimal("Key"));
        sandbox.respondNext("POST", "/transfer/initialize", 401, "InvalidApikey", "The API key is not valid.");
        sandbox.respondNext("PUT", "/transfer/cancel", 401, "InvalidApikey", "The API key is not valid.");

        assertThatThrownBy(() -> api.initialize(minimal("Key again")))
                .isInstanceOfSatisfying(FilemailApiException.class, e -> {
                    assertThat(e.failureClass()).isEqualTo(FailureClass.FATAL);
                    assertThat(e.httpStatus()).isEqualTo(401);
                    // The java.net.http transport keeps a 401's body, so the envelope says which key problem it is.
                    assertThat(e.statusLabel()).isEqualTo("InvalidApikey");
                    assertThat(e).hasMessage("Filemail initialize answered HTTP 401 InvalidApikey: "
                            + "The API key is not valid.");
                });
        assertThatThrownBy(() -> api.cancel(transfer.transferid(), transfer.transferkey()))
                .isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.FATAL));
    }

    @Test
    void anUnreachableServiceIsTransientWithoutHttpStatus() {
        TransferInitializeResult transfer = api.initialize(minimal("Down"));
        sandbox.setUnavailable(true);

        assertThatThrownBy(() -> api.initialize(minimal("Down again")))
                .isInstanceOfSatisfying(FilemailApiException.class, e -> {
                    assertThat(e.failureClass()).isEqualTo(FailureClass.TRANSIENT);
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.responseStatus()).isNull();
                    assertThat(e.statusLabel()).isEqualTo("NoAnswer");
                    assertThat(e.getMessage()).startsWith("Filemail initialize got no answer: ");
                    assertThat(e.getCause()).isInstanceOf(feign.RetryableException.class);
                });
        assertThatThrownBy(() -> api.cancel(transfer.transferid(), transfer.transferkey()))
                .isInstanceOfSatisfying(FilemailApiException.class, e -> {
                    assertThat(e.failureClass()).isEqualTo(FailureClass.TRANSIENT);
                    assertThat(e.httpStatus()).isZero();
                });
        sandbox.setUnavailable(false);
        assertThat(onlyTransfer().status()).isEqualTo(SandboxTransfer.Status.INITIALIZED);
    }

    private static InitializeTransferRequest minimal(String subject) {
        return new InitializeTransferRequest(null, subject, null, null, null, null, null, null, null);
    }

    private RecordedRequest onlyRequest(String method, String path) {
        assertThat(sandbox.requests()).hasSize(1);
        RecordedRequest sent = sandbox.requests().get(0);
        assertThat(sent.method()).isEqualTo(method);
        assertThat(sent.path()).isEqualTo(path);
        assertThat(sent.query()).isNull();
        assertThat(sent.header("x-api-key")).isEqualTo(sandbox.apiKey());
        assertThat(sent.headers().get("x-api-key")).hasSize(1);
        assertThat(sent.header("x-api-version")).isEqualTo("2.0");
        assertThat(sent.header("content-type")).startsWith("application/json");
        assertThat(sent.bodyLength()).isEqualTo(sent.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        return sent;
    }

    private static JsonNode validBody(RecordedRequest sent, String schema) {
        JsonNode body = JSON.readTree(sent.body());
        assertThat(SCHEMAS.validate(schema, body)).as("violations of %s in %s", schema, sent.body()).isEmpty();
        assertThat(body.properties()).as("no null fields in %s", sent.body())
                .noneMatch(field -> field.getValue().isNull());
        return body;
    }

    private static Set<String> fieldNames(JsonNode body) {
        Set<String> names = new TreeSet<>();
        body.properties().forEach(field -> names.add(field.getKey()));
        return names;
    }

    private SandboxTransfer onlyTransfer() {
        assertThat(sandbox.transfers()).hasSize(1);
        return sandbox.transfers().get(0);
    }

    private void completeThroughTheApi(TransferInitializeResult transfer) throws Exception {
        String body = JSON.writeValueAsString(Map.of("transferid", transfer.transferid(),
                "transferkey", transfer.transferkey()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/transfer/complete"))
                .timeout(Duration.ofSeconds(10))
                .header("x-api-key", sandbox.apiKey())
                .header("x-api-version", "2.0")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("responsestatus").asString()).isEqualTo("OK");
    }
}
