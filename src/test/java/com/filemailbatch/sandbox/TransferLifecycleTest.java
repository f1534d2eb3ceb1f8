package com.filemailbatch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.filemailbatch.sandbox.SandboxClient.Response;
import com.filemailbatch.sandbox.SandboxTransfer.Status;

import tools.jackson.databind.JsonNode;

/** Initialize, complete, cancel and expiry, with the statuses the cleanup job has to tell apart. */
class TransferLifecycleTest {

    private final FilemailSandbox sandbox = FilemailSandbox.start();
    private final SandboxClient client = new SandboxClient(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void cancelThenCancelAgainIsNotFound() {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");
        assertThat(sandbox.liveTransferCount()).isEqualTo(1);

        Response first = client.cancel(init);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.responsestatus()).isEqualTo("OK");
        assertThat(first.body().get("data").isNull()).isTrue();
        assertThat(sandbox.transfers()).extracting(SandboxTransfer::status).containsExactly(Status.CANCELLED);
        assertThat(sandbox.liveTransferCount()).isZero();

        Response second = client.cancel(init);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.responsestatus()).isEqualTo("NotFound");
        assertThat(second.body().get("errorcode").asInt()).isEqualTo(1005);
    }

    @Test
    void completeThenCancelIsInvalidTransferState() {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");

        Response complete = client.complete(init);
        assertThat(complete.status()).isEqualTo(200);
        assertThat(complete.data().get("downloadurl").asString())
                .isEqualTo(sandbox.baseUrl() + "/d/" + init.get("transferid").asString());

        Response cancel = client.cancel(init);
        assertThat(cancel.status()).isEqualTo(400);
        assertThat(cancel.responsestatus()).isEqualTo("InvalidTransferState");
        assertThat(cancel.body().get("errorcode").isNull()).isTrue();

        Response again = client.complete(init);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.responsestatus()).isEqualTo("InvalidTransferState");
        assertThat(sandbox.transfers()).extracting(SandboxTransfer::status).containsExactly(Status.COMPLETED);
    }

    @Test
    void completeAfterCancelIsNotFound() {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");
        client.cancel(init);
        Response complete = client.complete(init);
        assertThat(complete.status()).isEqualTo(400);
        assertThat(complete.responsestatus()).isEqualTo("NotFound");
    }

    @Test
    void expiredTransferCannotBeCancelled() {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");
        sandbox.expire(init.get("transferid").asString());

        Response cancel = client.cancel(init);
        assertThat(cancel.status()).isEqualTo(400);
        assertThat(cancel.responsestatus()).isEqualTo("TransferExpired");
        assertThat(cancel.body().get("errorcode").asInt()).isEqualTo(4001);
        assertThat(sandbox.liveTransferCount()).isZero();
    }

    @Test
    void unknownIdOrWrongKeyIsNotFound() {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");
        Response wrongKey = client.put("/transfer/cancel",
                "{\"transferid\":\"" + init.get("transferid").asString() + "\",\"transferkey\":\"nope\"}");
        assertThat(wrongKey.status()).isEqualTo(400);
        assertThat(wrongKey.responsestatus()).isEqualTo("NotFound");
        Response unknown = client.put("/transfer/complete", "{\"transferid\":\"nope\",\"transferkey\":\"nope\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.responsestatus()).isEqualTo("NotFound");
        assertThat(sandbox.liveTransferCount()).isEqualTo(1);
    }

    @Test
    void cancelBodyIsValidatedAgainstTheSeed() {
        Response response = client.put("/transfer/cancel", "{\"transferid\":\"x\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.responsestatus()).isEqualTo("InputParameterMissing");
        assertThat(response.body().get("validationerrors").get(0).get("propertyName").asString()).isEqualTo("transferkey");
    }

    @Test
    void detailsShowTheTransferUntilItIsCancelled() {
        JsonNode init = client.initialize("{\"subject\":\"Invoices\",\"to\":[\"a@example.com\"],\"message\":\"Hi\",\"days\":3}");
        String id = init.get("transferid").asString();

        Response details = client.get("/transfer/" + id);
        assertThat(details.status()).isEqualTo(200);
        JsonNode transfer = details.data();
        assertThat(transfer.get("id").asString()).isEqualTo(id);
        assertThat(transfer.get("key").asString()).isEqualTo(init.get("transferkey").asString());
        assertThat(transfer.get("status").asString()).isEqualTo("STATUS_INITIALIZED");
        assertThat(transfer.get("subject").asString()).isEqualTo("Invoices");
        assertThat(transfer.get("message").asString()).isEqualTo("Hi");
        assertThat(transfer.get("days").asInt()).isEqualTo(3);
        assertThat(transfer.get("isexpired").asBoolean()).isFalse();
        assertThat(transfer.get("expiredate").asLong() - transfer.get("sentdate").asLong()).isEqualTo(3 * 86_400_000L);
        assertThat(transfer.get("recipients").get(0).get("email").asString()).isEqualTo("a@example.com");

        client.complete(init);
        assertThat(client.get("/transfer/" + id).data().get("status").asString()).isEqualTo("STATUS_COMPLETE");

        Response unknown = client.get("/transfer/doesnotexist");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.responsestatus()).isEqualTo("NotFound");
    }

    @Test
    void cancelledTransferDetailsAreNotFound() {
        JsonNode init = client.initialize("{\"subject\":\"S\"}");
        client.cancel(init);
        Response details = client.get("/transfer/" + init.get("transferid").asString());
        assertThat(details.status()).isEqualTo(400);
        assertThat(details.responsestatus()).isEqualTo("NotFound");
    }

    @Test
    void snapshotKeepsTheInitializeBody() {
        client.initialize("{\"subject\":\"S\",\"to\":[\"a@example.com\",\"b@example.com\"]}");
        SandboxTransfer transfer = sandbox.transfers().get(0);
        assertThat(transfer.subject()).isEqualTo("S");
        assertThat(transfer.recipients()).containsExactly("a@example.com", "b@example.com");
        assertThat(transfer.initializeBody()).isEqualTo("{\"subject\":\"S\",\"to\":[\"a@example.com\",\"b@example.com\"]}");
        assertThat(transfer.createdAt()).isNotNull();
        assertThat(transfer.files()).isEmpty();
    }
}
