package com.filemailbatch.sandbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds Filemail's {@code BaseResponse} and {@code FilemailErrorResponse} JSON. */
final class Envelopes {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The numbers Filemail's v1 API documented; names added in v2 have no documented number and get null. */
    private static final Map<String, Integer> ERROR_CODES = Map.ofEntries(
            Map.entry("UnknownError", 1001), Map.entry("InvalidParameter", 1002),
            Map.entry("InputParameterMissing", 1003), Map.entry("InvalidEmail", 1004),
            Map.entry("NotFound", 1005), Map.entry("ServiceInterruption", 1009),
            Map.entry("WrongUsernamePassword", 2001), Map.entry("InvalidOrExpiredLoginToken", 2003),
            Map.entry("AccountExpired", 2004), Map.entry("AccessDenied", 2008),
            Map.entry("InvalidRequest", 2010), Map.entry("RefreshTokenExpired", 2040),
            Map.entry("RefreshTokenAlreadyUsed", 2041), Map.entry("Blocked", 3003),
            Map.entry("AllFileserversBusy", 3004), Map.entry("FreeLimitReached", 3005),
            Map.entry("TransferExpired", 4001), Map.entry("PasswordRequired", 4002),
            Map.entry("UploadNotComplete", 4003), Map.entry("FileIsDeleted", 4004));

    private Envelopes() {
    }

    static ObjectNode ok(JsonNode data) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("responsestatus", "OK");
        envelope.putNull("errorid");
        envelope.putNull("errormessage");
        envelope.set("data", data == null ? JSON.nullNode() : data);
        envelope.putNull("errorcode");
        return envelope;
    }

    static ObjectNode error(String responseStatus, String message, List<SchemaViolation> violations) {
        ObjectNode envelope = JSON.createObjectNode();
        if (violations == null) {
            envelope.putNull("validationerrors");
        } else {
            ArrayNode errors = envelope.putArray("validationerrors");
            violations.forEach(v -> errors.addObject()
                    .put("propertyName", v.propertyName())
                    .put("errorCode", v.errorCode())
                    .put("errorMessage", v.errorMessage()));
        }
        envelope.put("responsestatus", responseStatus);
        envelope.put("errorid", UUID.randomUUID().toString().replace("-", ""));
        envelope.put("errormessage", message);
        envelope.putNull("data");
        // A scripted answer may have no responsestatus (a file server's bare 449); Map.of refuses a null key.
        envelope.put("errorcode", responseStatus == null ? null : ERROR_CODES.get(responseStatus));
        return envelope;
    }

    static ObjectNode error(SandboxError error) {
        return error(error.responseStatus(), error.getMessage(), error.violations());
    }
}
