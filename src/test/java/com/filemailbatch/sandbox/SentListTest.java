package com.filemailbatch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.filemailbatch.sandbox.SandboxClient.Response;

import tools.jackson.databind.JsonNode;

class SentListTest {

    private final FilemailSandbox sandbox = FilemailSandbox.start();
    private final SandboxClient client = new SandboxClient(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void listsEveryLiveTransferNewestFirstIncludingIncompleteOnes() {
        JsonNode first = client.initialize("{\"subject\":\"Batch 2024-01 invoice\"}");
        JsonNode second = client.initialize("{\"subject\":\"Batch 2024-02 INVOICE\"}");
        client.complete(second);
        JsonNode third = client.initialize("{\"subject\":\"Holiday photos\"}");

        Response all = client.get("/transfer/sent");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.data().get("transfers").findValuesAsString("id")).containsExactly(
                third.get("transferid").asString(), second.get("transferid").asString(), first.get("transferid").asString());
        assertThat(all.data().get("transfers").findValuesAsString("status"))
                .containsExactly("STATUS_INITIALIZED", "STATUS_COMPLETE", "STATUS_INITIALIZED");
    }

    @Test
    void searchMatchesSubjectIgnoringCase() {
        client.initialize("{\"subject\":\"Batch 2024-01 invoice\"}");
        client.initialize("{\"subject\":\"Batch 2024-02 INVOICE\"}");
        client.initialize("{\"subject\":\"Holiday photos\"}");

        Response search = client.get("/transfer/sent?search=Invoice");
        assertThat(search.data().get("transfers").findValuesAsString("subject"))
                .containsExactly("Batch 2024-02 INVOICE", "Batch 2024-01 invoice");
        Response paged = client.get("/transfer/sent?search=invoice&limit=1&skip=1");
        assertThat(paged.data().get("transfers").findValuesAsString("subject")).containsExactly("Batch 2024-01 invoice");
    }

    @Test
    void expiredOnlyOnRequestAndCancelledNever() {
        JsonNode expired = client.initialize("{\"subject\":\"old\"}");
        JsonNode cancelled = client.initialize("{\"subject\":\"gone\"}");
        sandbox.expire(expired.get("transferid").asString());
        client.cancel(cancelled);

        assertThat(client.get("/transfer/sent").data().get("transfers").size()).isZero();
        JsonNode withExpired = client.get("/transfer/sent?getexpired=true").data().get("transfers");
        assertThat(withExpired.findValuesAsString("subject")).containsExactly("old");
        assertThat(withExpired.get(0).get("isexpired").asBoolean()).isTrue();
    }

    @Test
    void badLimitIsInvalidParameter() {
        Response response = client.get("/transfer/sent?limit=lots");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.responsestatus()).isEqualTo("InvalidParameter");
        assertThat(response.body().get("validationerrors").get(0).get("propertyName").asString()).isEqualTo("limit");
    }
}
