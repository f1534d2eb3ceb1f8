package com.filemailbatch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every shape a secret takes in a log line is masked; text around it, and text without one, stays as it was. */
class SecretMaskTest {

    private static final String KEY = "d04978d9-cf67-405a-89a4-43ad06e43a34";

    @Test
    void aTransferKeyInAnUploadUrlIsMasked() {
        String line = "HttpClientImpl(12) send http://127.0.0.1:36943/savefile.ashx?transferid=t1&transferkey=k-1"
                + "&thefilename=one.txt POST";

        assertThat(SecretMask.mask(line)).isEqualTo("HttpClientImpl(12) send http://127.0.0.1:36943/savefile.ashx"
                + "?transferid=t1&transferkey=***&thefilename=one.txt POST");
        assertThat(SecretMask.mask("POST /savefile.ashx?TransferKey=k-1 HTTP/1.1"))
                .isEqualTo("POST /savefile.ashx?TransferKey=*** HTTP/1.1");
    }

    @Test
    void theKeysOfTheSentListAreMasked() {
        String body = "{\"data\":{\"transfers\":[{\"id\":\"t1\",\"key\":\"k-of-t1\",\"subject\":\"a\"},"
                + "{\"id\":\"t2\",\"key\" : \"k-of-t2\"}]}}";

        assertThat(SecretMask.mask(body)).isEqualTo("{\"data\":{\"transfers\":[{\"id\":\"t1\",\"key\":\"***\","
                + "\"subject\":\"a\"},{\"id\":\"t2\",\"key\" : \"***\"}]}}");
    }

    @Test
    void apiKeyHeadersAreMaskedAsFeignAndAsAMapPrintThem() {
        assertThat(SecretMask.mask("[FilemailClient#sent] x-api-key: abc123"))
                .isEqualTo("[FilemailClient#sent] x-api-key: ***");
        assertThat(SecretMask.mask("headers {x-api-key=[abc123], x-api-version=[2.0]}"))
                .isEqualTo("headers {x-api-key=[***], x-api-version=[2.0]}");
        assertThat(SecretMask.mask("x-api-key: ***")).isEqualTo("x-api-key: ***");
    }

    @Test
    void anythingOfTheShapeOfAUuidIsMaskedWhereverItIs() {
        assertThat(SecretMask.mask("connection (" + KEY + ")")).isEqualTo("connection (***)");
        assertThat(SecretMask.mask("x" + KEY.toUpperCase() + "y")).isEqualTo("x***y");
    }

    @Test
    void aRememberedSecretIsMaskedInAnyContext() {
        SecretMask.remember("the-api-key-9f8e7d");
        SecretMask.remember("short");

        assertThat(SecretMask.mask("value of type String: the-api-key-9f8e7d.")).isEqualTo("value of type String: ***.");
        assertThat(SecretMask.mask("a short line")).isEqualTo("a short line");
    }

    @Test
    void textWithoutASecretIsTheSameInstance() {
        String line = "Run 1 of sendTransfersJob finished: transferkey is a column, \"keyword\":\"x\", key=value";

        assertThat(SecretMask.mask(line)).isSameAs(line);
        assertThat(SecretMask.mask("")).isEmpty();
        assertThat(SecretMask.mask(null)).isNull();
    }
}
