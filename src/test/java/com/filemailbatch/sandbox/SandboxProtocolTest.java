package com.filemailbatch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.filemailbatch.sandbox.SandboxClient.Response;

import tools.jackson.databind.JsonNode;

/** Headers, content types, envelopes and the initialize endpoint over real HTTP. */
class SandboxProtocolTest {

    private final FilemailSandbox sandbox = FilemailSandbox.start();
    private final SandboxClient client = new SandboxClient(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void bannerAndKeyAreFixed() {
        assertThat(sandbox.apiKey()).isEqualTo("sandbox-api-key");
        assertThat(sandbox.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(sandbox.banner()).isEqualTo("SANDBOX: using the embedded Filemail stand-in at "
                + sandbox.baseUrl() + " — nothing is sent to Filemail");
    }

    @Test
    void initializeAnswersTheDocumentedEnvelope() {
        Response response = client.post("/transfer/initialize", "{\"subject\":\"Q3 report\",\"to\":[\"a@example.com\"]}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.propertyNames()).containsExactly("responsestatus", "errorid", "errormessage", "data", "errorcode");
        assertThat(body.get("responsestatus").asString()).isEqualTo("OK");
        assertThat(body.get("errorid").isNull()).isTrue();
        assertThat(body.get("errorcode").isNull()).isTrue();
        JsonNode data = body.get("data");
        assertThat(data.get("transferid").asString()).matches("[a-z0-9]{20}");
        assertThat(data.get("transferkey").asString()).hasSize(36);
        assertThat(data.get("transferurl").asString()).isEqualTo(sandbox.baseUrl() + "/savefile.ashx");
        assertThat(data.get("region").asString()).isEqualTo("sandbox");
        assertThat(data.get("transferip").asString()).isEqualTo("127.0.0.1");
        assertThat(data.get("udpport").isNull()).isTrue();
        assertThat(data.get("alternate_urls").isArray()).isTrue();
        assertThat(data.get("customfields").isObject()).isTrue();
    }

    @Test
    void initializeResponseConformsToTheSeedSchema() {
        // The response schema lives in the same seed, so the sandbox is checked against the contract too.
        Response response = client.post("/transfer/initialize", "{\"subject\":\"S\"}");
        assertThat(OpenApiSchemas.load().validate("TransferInitializeResultBaseResponse", response.body())).isEmpty();
        Response error = client.post("/transfer/initialize", "{}");
        assertThat(OpenApiSchemas.load().validate("FilemailErrorResponse", error.body())).isEmpty();
    }

    @Test
    void missingApiKeyIs401MissingApikey() {
        Response response = client.send(HttpRequest.newBuilder(sandbox.baseUrl().resolve("/transfer/sent"))
                .header("x-api-version", "2.0").GET().build());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.responsestatus()).isEqualTo("MissingApikey");
        assertThat(response.body().get("errorcode").isNull()).isTrue();
        assertThat(response.body().get("errorid").asString()).isNotBlank();
    }

    @Test
    void wrongApiKeyIs401InvalidApikey() {
        Response response = client.send(client.request("/transfer/sent").setHeader("x-api-key", "real-key").GET().build());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.responsestatus()).isEqualTo("InvalidApikey");
    }

    @Test
    void missingVersionIs400InputParameterMissing() {
        Response response = client.send(HttpRequest.newBuilder(sandbox.baseUrl().resolve("/transfer/sent"))
                .header("x-api-key", sandbox.apiKey()).GET().build());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.responsestatus()).isEqualTo("InputParameterMissing");
        assertThat(response.body().get("errorcode").asInt()).isEqualTo(1003);
        JsonNode error = response.body().get("validationerrors").get(0);
        assertThat(error.get("propertyName").asString()).isEqualTo("x-api-version");
        assertThat(error.get("errorCode").asString()).isEqualTo("InputParameterMissing");
    }

    @Test
    void schemaViolationsComeBackAsValidationErrors() {
        Response response = client.post("/transfer/initialize", "{\"subject\":\"" + "x".repeat(201) + "\",\"from\":\"x\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.responsestatus()).isEqualTo("InvalidParameter");
        assertThat(response.body().get("errorcode").asInt()).isEqualTo(1002);
        assertThat(response.body().get("data").isNull()).isTrue();
        assertThat(response.body().get("validationerrors").findValuesAsString("propertyName"))
                .containsExactly("subject", "from");
        assertThat(sandbox.transfers()).isEmpty();
    }

    @Test
    void malformedRecipientIs400InvalidEmail() {
        Response response = client.post("/transfer/initialize", "{\"subject\":\"S\",\"to\":[\"a@example.com\",\"bob\"]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.responsestatus()).isEqualTo("InvalidEmail");
        assertThat(response.body().get("errorcode").asInt()).isEqualTo(1004);
        assertThat(response.body().get("validationerrors").get(0).get("propertyName").asString()).isEqualTo("to[1]");
    }

    @Test
    void jsonEndpointsNeedAJsonContentType() {
        Response text = client.send(client.request("/transfer/initialize").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"S\"}")).build());
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.responsestatus()).isEqualTo("InvalidRequest");

        Response vendor = client.send(client.request("/transfer/initialize")
                .header("Content-Type", "application/vnd.filemail+json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"S\"}")).build());
        assertThat(vendor.status()).isEqualTo(200);
    }

    @Test
    void unparseableJsonIs400InvalidParameter() {
        Response response = client.post("/transfer/initialize", "{\"subject\":");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.responsestatus()).isEqualTo("InvalidParameter");
    }

    @Test
    void unknownPathIs404WithAnEnvelope() {
        Response response = client.get("/v1/transfer/initialize");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.responsestatus()).isEqualTo("NotFound");
        assertThat(response.body().get("errormessage").asString()).contains("GET /v1/transfer/initialize");
    }
}
