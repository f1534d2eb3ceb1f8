package com.filemailbatch.filemail;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.Response;
import feign.RetryableException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every failure class decoded from the answers Filemail (or a proxy in front of it) really gives. */
class FilemailErrorDecoderTest {

    private static final String INITIALIZE = "FilemailClient#initialize(InitializeTransferRequest)";
    private static final String CANCEL = "FilemailClient#cancel(TransferCredentials)";

    private final FilemailErrorDecoder decoder = new FilemailErrorDecoder(JsonMapper.builder().build());

    @Test
    void aValidationFailureRejectsTheRowWithEveryValidationError() {
        String body = """
                {"validationerrors":[
                   {"propertyName":"to[1]","errorCode":"InvalidEmail","errorMessage":"'bob@' is not a valid e-mail address."},
                   {"propertyName":"subject","errorCode":"InputParameterMissing","errorMessage":null}],
                 "responsestatus":"InvalidEmail","errorid":"4f1c","errormessage":"Invalid e-mail address: bob@",
                 "data":null,"errorcode":1004}""";

        FilemailApiException e = decode(INITIALIZE, 400, "Bad Request", body);

        assertThat(e).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.ROW));
        assertThat(e.failureClass()).isEqualTo(FailureClass.ROW);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.responseStatus()).isEqualTo("InvalidEmail");
        assertThat(e.statusLabel()).isEqualTo("InvalidEmail");
        assertThat(e.errorMessage()).isEqualTo("Invalid e-mail address: bob@");
        assertThat(e.validationErrors()).containsExactly(
                new ValidationError("to[1]", "InvalidEmail", "'bob@' is not a valid e-mail address."),
                new ValidationError("subject", "InputParameterMissing", null));
        assertThat(e).hasMessage("Filemail initialize answered HTTP 400 InvalidEmail: Invalid e-mail address: bob@ "
                + "[to[1]: InvalidEmail ('bob@' is not a valid e-mail address.); subject: InputParameterMissing]");
    }

    @Test
    void anInvalidApiKeyIsFatal() {
        FilemailApiException e = decode(INITIALIZE, 401, "Unauthorized",
                envelope("InvalidApikey", "The API key is not valid.", null));

        assertThat(e).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.FATAL));
        assertThat(e.failureClass()).isEqualTo(FailureClass.FATAL);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.statusLabel()).isEqualTo("InvalidApikey");
        assertThat(e.validationErrors()).isEmpty();
        assertThat(e).hasMessage("Filemail initialize answered HTTP 401 InvalidApikey: The API key is not valid.");
    }

    @Test
    void aMissingApiKeyIsFatal() {
        FilemailApiException e = decode(CANCEL, 401, "Unauthorized",
                envelope("MissingApikey", "The x-api-key header is missing.", null));

        assertThat(e).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.FATAL));
        assertThat(e.statusLabel()).isEqualTo("MissingApikey");
        assertThat(e).hasMessage("Filemail cancel answered HTTP 401 MissingApikey: The x-api-key header is missing.");
    }

    @Test
    void theRateLimitIsTransientAndRetryAfterDoesNotMakeFeignRetry() {
        Response response = response(INITIALIZE, 429, "Too Many Requests",
                envelope("RateLimitExceeded", "Too many requests.", null), Map.of("Retry-After", List.of("30")));

        Exception decoded = decoder.decode(INITIALIZE, response);

        assertThat(decoded).isNotInstanceOf(RetryableException.class).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.TRANSIENT));
        FilemailApiException e = (FilemailApiException) decoded;
        assertThat(e.failureClass()).isEqualTo(FailureClass.TRANSIENT);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.statusLabel()).isEqualTo("RateLimitExceeded");
        assertThat(e).hasMessage("Filemail initialize answered HTTP 429 RateLimitExceeded: Too many requests.");
    }

    @Test
    void theDailyQuotaStopsSending() {
        Exception decoded = decoder.decode(INITIALIZE, response(INITIALIZE, 429, "Too Many Requests",
                envelope("ApiKeyQuotaExceeded", "Daily quota exceeded.", null),
                Map.of("Retry-After", List.of("Wed, 26 Nov 2026 00:00:00 GMT"))));

        assertThat(decoded).isNotInstanceOf(RetryableException.class).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.QUOTA));
        FilemailApiException e = (FilemailApiException) decoded;
        assertThat(e.failureClass()).isEqualTo(FailureClass.QUOTA);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.statusLabel()).isEqualTo("ApiKeyQuotaExceeded");
        assertThat(e).hasMessage("Filemail initialize answered HTTP 429 ApiKeyQuotaExceeded: Daily quota exceeded.");
    }

    @Test
    void aFullStorageIsFatalButAnInfectedFileOnlyRejectsTheRow() {
        FilemailApiException storage = decode(INITIALIZE, 409, "Conflict",
                envelope("StorageCapReached", "Storage limit reached.", null));
        FilemailApiException infected = decode(INITIALIZE, 409, "Conflict",
                envelope("FileIsInfected", "A file is infected.", null));

        assertThat(storage).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.FATAL));
        assertThat(storage.statusLabel()).isEqualTo("StorageCapReached");
        assertThat(storage).hasMessage("Filemail initialize answered HTTP 409 StorageCapReached: Storage limit reached.");
        assertThat(infected).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.ROW));
        assertThat(infected.httpStatus()).isEqualTo(409);
        assertThat(infected.statusLabel()).isEqualTo("FileIsInfected");
        assertThat(infected).hasMessage("Filemail initialize answered HTTP 409 FileIsInfected: A file is infected.");
    }

    @Test
    void aServerErrorWithoutBodyIsTransientAndLabelledByItsHttpStatus() {
        FilemailApiException e = decode(INITIALIZE, 500, "Internal Server Error", null);

        assertThat(e).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.TRANSIENT));
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.responseStatus()).isNull();
        assertThat(e.statusLabel()).isEqualTo("HTTP 500");
        assertThat(e).hasMessage("Filemail initialize answered HTTP 500: Internal Server Error");
    }

    @Test
    void aProxysHtmlErrorPageIsTransientAndDoesNotBreakDecoding() {
        String html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                + "</center><hr><center>nginx</center></body></html>";

        FilemailApiException e = decode(CANCEL, 502, "Bad Gateway", html);

        assertThat(e).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.TRANSIENT));
        assertThat(e.statusLabel()).isEqualTo("HTTP 502");
        assertThat(e.responseStatus()).isNull();
        assertThat(e.validationErrors()).isEmpty();
        assertThat(e).hasMessage("Filemail cancel answered HTTP 502: Bad Gateway");
    }

    @Test
    void aNotFoundWithoutEnvelopeIsAConfigurationErrorAndFatal() {
        FilemailApiException e = decode(INITIALIZE, 404, "Not Found", "");

        assertThat(e).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.FATAL));
        assertThat(e.statusLabel()).isEqualTo("HTTP 404");
        assertThat(e).hasMessage("Filemail initialize answered HTTP 404: Not Found");
    }

    @Test
    void aBadRequestWhoseBodyIsNotJsonStillRejectsTheRow() {
        FilemailApiException e = decode(INITIALIZE, 400, "Bad Request", "Bad Request - Invalid Header");

        assertThat(e).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.ROW));
        assertThat(e.statusLabel()).isEqualTo("HTTP 400");
        assertThat(e.validationErrors()).isEmpty();
        assertThat(e).hasMessage("Filemail initialize answered HTTP 400: Bad Request");
    }

    @Test
    void aJsonBodyThatIsNotAnEnvelopeIsIgnored() {
        FilemailApiException e = decode(INITIALIZE, 400, "Bad Request", "[\"not\", \"an\", \"envelope\"]");

        assertThat(e).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.ROW));
        assertThat(e).hasMessage("Filemail initialize answered HTTP 400: Bad Request");
    }

    @Test
    void validationErrorsOfAnUnexpectedShapeDoNotBreakDecoding() {
        String body = """
                {"responsestatus":"InvalidParameter","errormessage":"The request is invalid.",
                 "validationerrors":["to is not valid", 42, {"propertyName":"days","errorCode":"InvalidParameter"}]}""";

        FilemailApiException e = decode(INITIALIZE, 400, "Bad Request", body);

        assertThat(e).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.ROW));
        assertThat(e.statusLabel()).isEqualTo("InvalidParameter");
        assertThat(e.validationErrors()).containsExactly(new ValidationError("days", "InvalidParameter", null));
        assertThat(e).hasMessage("Filemail initialize answered HTTP 400 InvalidParameter: The request is invalid. "
                + "[days: InvalidParameter]");
    }

    @Test
    void aHugeBodyIsReadOnlyInPartAndGivesAShortMessage() {
        String huge = "{\"responsestatus\":\"UnknownError\",\"errormessage\":\"" + "x".repeat(5_000_000) + "\"}";

        FilemailApiException e = decode(INITIALIZE, 500, "Internal Server Error", huge);

        assertThat(e).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.TRANSIENT));
        assertThat(e.statusLabel()).isEqualTo("HTTP 500");
        assertThat(e).hasMessage("Filemail initialize answered HTTP 500: Internal Server Error");
    }

    @Test
    void aHugeHtmlPageIsTransient() {
        String huge = "<html><body>" + "<p>Service Unavailable</p>".repeat(200_000) + "</body></html>";

        FilemailApiException e = decode(INITIALIZE, 503, "Service Unavailable", huge);

        assertThat(e).isInstanceOfSatisfying(FilemailApiException.class, failure ->
                        assertThat(failure.failureClass()).isEqualTo(FailureClass.TRANSIENT));
        assertThat(e).hasMessage("Filemail initialize answered HTTP 503: Service Unavailable");
    }

    @Test
    void theOperationIsNamedAfterTheClientMethod() {
        assertThat(FilemailErrorDecoder.operationName(INITIALIZE)).isEqualTo("initialize");
        assertThat(FilemailErrorDecoder.operationName(CANCEL)).isEqualTo("cancel");
        assertThat(FilemailErrorDecoder.operationName("odd")).isEqualTo("odd");
    }

    private FilemailApiException decode(String methodKey, int status, String reason, String body) {
        Exception decoded = decoder.decode(methodKey, response(methodKey, status, reason, body, Map.of()));
        assertThat(decoded).isInstanceOf(FilemailApiException.class).isNotInstanceOf(RetryableException.class);
        return (FilemailApiException) decoded;
    }

    private static Response response(String methodKey, int status, String reason, String body,
            Map<String, Collection<String>> extraHeaders) {
        boolean cancel = methodKey.equals(CANCEL);
        Request request = Request.create(cancel ? Request.HttpMethod.PUT : Request.HttpMethod.POST,
                "https://api-public.filemail.com/transfer/" + (cancel ? "cancel" : "initialize"), Map.of(),
                "{}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, null);
        Map<String, Collection<String>> headers = new LinkedHashMap<>(extraHeaders);
        Response.Builder builder = Response.builder().status(status).reason(reason).request(request);
        if (body != null) {
            headers.put("Content-Type", List.of(body.startsWith("<") ? "text/html" : "application/json; charset=utf-8"));
            builder.body(body, StandardCharsets.UTF_8);
        }
        return builder.headers(headers).build();
    }

    /** A {@code FilemailErrorResponse} as the service sends it. */
    private static String envelope(String responseStatus, String message, Integer errorCode) {
        return "{\"validationerrors\":[],\"responsestatus\":\"" + responseStatus + "\",\"errorid\":\"8a2e\","
                + "\"errormessage\":\"" + message + "\",\"data\":null,\"errorcode\":" + errorCode + "}";
    }
}
