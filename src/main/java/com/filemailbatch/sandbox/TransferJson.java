package com.filemailbatch.sandbox;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.filemailbatch.sandbox.SandboxTransfer.Status;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The transfer object of {@code GET /transfer/{id}} and {@code GET /transfer/sent} (docs/filemail-api.md).
 * Filemail does not document its {@code status} strings; the sandbox uses {@code STATUS_COMPLETE} (the v1
 * value), {@code STATUS_INITIALIZED} and {@code STATUS_EXPIRED}. Cancelled transfers are never shown.
 */
final class TransferJson {

    private static final int DEFAULT_DAYS = 7;

    private TransferJson() {
    }

    static ObjectNode of(TransferEntry entry, URI baseUrl) {
        JsonNode init = entry.initializeBody();
        long sentDate = entry.createdAt().toEpochMilli();
        int days = init.path("days").isIntegralNumber() ? init.get("days").asInt() : DEFAULT_DAYS;
        ObjectNode transfer = Envelopes.JSON.createObjectNode();
        transfer.put("id", entry.id());
        transfer.put("key", entry.key());
        transfer.put("status", statusText(entry.status()));
        transfer.put("isexpired", entry.status() == Status.EXPIRED);
        transfer.put("sentdate", sentDate);
        if (days < 0) {
            transfer.putNull("expiredate");
        } else {
            transfer.put("expiredate", sentDate + Duration.ofDays(days).toMillis());
        }
        transfer.put("days", days);
        transfer.put("url", baseUrl + "/d/" + entry.id());
        transfer.put("from", "sandbox@filemail-sandbox.invalid");
        // The file server: initialize's transferurl is this plus /savefile.ashx (see SentTransfer#uploadUrl).
        transfer.put("fileserverurl", baseUrl.toString());
        transfer.put("subject", entry.subject());
        transfer.set("message", init.path("message").isString() ? init.get("message") : Envelopes.JSON.nullNode());
        transfer.put("notify", init.path("notify").asBoolean(false));
        ArrayNode recipients = transfer.putArray("recipients");
        entry.recipients().forEach(email -> recipients.addObject()
                .put("email", email)
                .put("downloadlink", baseUrl + "/d/" + entry.id() + "?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                .put("delivered", entry.status() == Status.COMPLETED)
                .putNull("deliveryerror"));
        long size = 0;
        ArrayNode files = transfer.putArray("files");
        for (StoredFile file : entry.files()) {
            size += file.size();
            files.addObject()
                    .put("filename", file.name())
                    .put("size", file.size())
                    .put("downloadurl", baseUrl + "/d/" + entry.id() + "/" + file.name());
        }
        transfer.put("size", size);
        transfer.putArray("customfields");
        return transfer;
    }

    private static String statusText(Status status) {
        return switch (status) {
            case INITIALIZED -> "STATUS_INITIALIZED";
            case COMPLETED -> "STATUS_COMPLETE";
            case CANCELLED -> "STATUS_CANCELLED";
            case EXPIRED -> "STATUS_EXPIRED";
        };
    }
}
