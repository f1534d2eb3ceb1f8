package com.filemailbatch.sandbox;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.filemailbatch.sandbox.SandboxTransfer.Status;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON endpoints under {@code /transfer}. Each returns the {@code data} of a 200 answer or throws. */
final class TransferHandlers {

    private static final int DEFAULT_LIMIT = 1000;

    private final SandboxState state;
    private final JsonRequests json;
    private final URI baseUrl;

    TransferHandlers(SandboxState state, JsonRequests json, URI baseUrl) {
        this.state = state;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    JsonNode initialize(SandboxRequest request) {
        JsonNode body = json.read(request, "InitializeTransferRequest");
        JsonRequests.checkRecipients(body);
        TransferEntry entry = state.initialize(body);
        ObjectNode data = Envelopes.JSON.createObjectNode();
        data.put("transferid", entry.id());
        data.put("transferkey", entry.key());
        data.put("transferurl", baseUrl + "/savefile.ashx");
        data.put("region", "sandbox");
        data.putArray("alternate_urls");
        data.put("transferip", "127.0.0.1");
        data.putNull("udpport");
        data.putNull("udpthreshold");
        data.putObject("customfields");
        return data;
    }

    JsonNode cancel(SandboxRequest request) {
        JsonNode body = json.read(request, "CancelTransferRequest");
        state.find(body.get("transferid").asString(), body.get("transferkey").asString()).cancel();
        return null;
    }

    JsonNode complete(SandboxRequest request) {
        JsonNode body = json.read(request, "CompleteTransferRequest");
        TransferEntry entry = state.find(body.get("transferid").asString(), body.get("transferkey").asString());
        entry.complete();
        return Envelopes.JSON.createObjectNode().put("downloadurl", baseUrl + "/d/" + entry.id());
    }

    /** A cancelled transfer is "not available" (Cancel doc), so it answers like an unknown one. */
    JsonNode details(String transferId) {
        TransferEntry entry = state.get(transferId);
        if (entry == null || entry.status() == Status.CANCELLED) {
            throw SandboxError.notFound("Transfer " + transferId + " not found.");
        }
        return TransferJson.of(entry, baseUrl);
    }

    /** Every transfer this sandbox created except cancelled ones, newest first; expired only on request. */
    JsonNode sent(SandboxRequest request) {
        Map<String, String> query = request.query();
        String search = query.getOrDefault("search", "").toLowerCase(Locale.ROOT);
        boolean withExpired = Boolean.parseBoolean(query.getOrDefault("getexpired", "false"));
        int limit = intParameter(query, "limit", DEFAULT_LIMIT);
        int skip = intParameter(query, "skip", 0);
        List<TransferEntry> matching = state.all().stream()
                .filter(e -> e.status() != Status.CANCELLED)
                .filter(e -> withExpired || e.status() != Status.EXPIRED)
                .filter(e -> e.subject().toLowerCase(Locale.ROOT).contains(search))
                .skip(skip)
                .limit(limit)
                .toList();
        ObjectNode data = Envelopes.JSON.createObjectNode();
        ArrayNode transfers = data.putArray("transfers");
        matching.forEach(e -> transfers.add(TransferJson.of(e, baseUrl)));
        return data;
    }

    static int intParameter(Map<String, String> query, String name, int fallback) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0) {
                throw SandboxError.invalidParameter(name, "must not be negative.");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw SandboxError.invalidParameter(name, "must be an integer.");
        }
    }
}
