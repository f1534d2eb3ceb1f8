package com.filemailbatch.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import tools.jackson.databind.JsonNode;

/**
 * Every request passes here in a fixed order: unavailability, latency, scripted answers, random transient
 * faults, API-key (not on uploads) and version headers, the endpoint, then a random drop after create. Each answer is
 * journalled before it is written.
 */
final class SandboxRouter implements HttpHandler {

    private static final String UPLOAD_PATH = "/savefile.ashx";
    private static final String INITIALIZE_PATH = "/transfer/initialize";

    private final String apiKey;
    private final TransferHandlers transfers;
    private final UploadHandler uploads;
    private final SandboxControls controls;
    private final RequestJournal journal;

    SandboxRouter(String apiKey, TransferHandlers transfers, UploadHandler uploads, SandboxControls controls,
            RequestJournal journal) {
        this.apiKey = apiKey;
        this.transfers = transfers;
        this.uploads = uploads;
        this.controls = controls;
        this.journal = journal;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long arrival = journal.arrived();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        boolean upload = UPLOAD_PATH.equals(path);
        CountingInputStream stream = new CountingInputStream(exchange.getRequestBody());
        byte[] body = upload ? null : stream.readAllBytes();
        SandboxRequest request = new SandboxRequest(method, path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body, stream);
        if (controls.unavailable()) {
            drop(exchange, arrival, request, stream);
            return;
        }
        controls.enter();
        Answer answer;
        try {
            pause();
            answer = answer(request);
        } finally {
            controls.leave();
        }
        controls.faults().applied(answer.fault());
        if (answer.dropped()) {
            drop(exchange, arrival, request, stream);
            return;
        }
        stream.transferTo(OutputStream.nullOutputStream());
        record(arrival, request, stream, answer.status());
        byte[] json = Envelopes.JSON.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfterSeconds(answer.retryAfter()));
        }
        exchange.sendResponseHeaders(answer.status(), json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    /** Closing without a status line makes java.net.http clients throw an IOException; journalled as 0. */
    private void drop(HttpExchange exchange, long arrival, SandboxRequest request, CountingInputStream stream) {
        record(arrival, request, stream, 0);
        exchange.close();
    }

    /**
     * Scripted answers first, as a test asked for exactly them; then random transient faults, before the
     * headers are checked, as an overloaded front end refuses work before authenticating anyone.
     */
    private Answer answer(SandboxRequest request) {
        try {
            Optional<ScriptedAnswer> scripted = controls.takeScripted(request.method(), request.path());
            if (scripted.isPresent()) {
                ScriptedAnswer s = scripted.get();
                return new Answer(s.httpStatus(), Envelopes.error(s.responseStatus(), s.errorMessage(), null),
                        s.retryAfter(), Fault.NONE);
            }
            boolean initialize = request.method().equals("POST") && request.path().equals(INITIALIZE_PATH);
            Fault fault = faultable(request.path()) ? controls.faults().draw(initialize) : Fault.NONE;
            if (fault.isTransient()) {
                return transientFault(fault);
            }
            checkHeaders(request, request.path().equals(UPLOAD_PATH));
            JsonNode data = route(request);
            if (fault == Fault.DROPPED_AFTER_CREATE) {
                // Only here, after the transfer exists: the point is a client that never hears of it.
                return new Answer(0, null, null, fault);
            }
            return new Answer(200, Envelopes.ok(data), null, Fault.NONE);
        } catch (SandboxError e) {
            return new Answer(e.httpStatus(), Envelopes.error(e), null, Fault.NONE);
        } catch (RuntimeException e) {
            return new Answer(500, Envelopes.error("UnknownError", "Sandbox failure: " + e, null), null, Fault.NONE);
        }
    }

    private Answer transientFault(Fault fault) {
        if (fault == Fault.DROPPED) {
            return new Answer(0, null, null, fault);
        }
        Duration retryAfter = fault == Fault.RATE_LIMITED ? controls.faults().faults().retryAfter() : null;
        return new Answer(fault.httpStatus(), Envelopes.error(fault.responseStatus(), fault.message(), null),
                retryAfter, fault);
    }

    /** The API's own paths; a request that misses them all should get its 404, not a fault. */
    private static boolean faultable(String path) {
        return path.startsWith("/transfer/") || path.equals(UPLOAD_PATH);
    }

    /** Whole seconds, rounded up so a client that obeys waits at least as long as asked. */
    static String retryAfterSeconds(Duration retryAfter) {
        return Long.toString(retryAfter.toSeconds() + (retryAfter.getNano() > 0 ? 1 : 0));
    }

    /**
     * Uploads go to a file server, not the API host: real clients send no {@code x-api-key} there and the
     * transfer id and key (checked by {@link UploadHandler}) authorise them (Filemail's upload documentation), so the key is
     * neither required nor checked on them. {@code x-api-version} stays required everywhere, as Filemail's getting-started page says.
     */
    private void checkHeaders(SandboxRequest request, boolean upload) {
        if (!upload) {
            checkApiKey(request);
        }
        String version = request.header("x-api-version");
        if (version == null || version.isEmpty()) {
            throw SandboxError.missingParameter("x-api-version");
        }
    }

    private void checkApiKey(SandboxRequest request) {
        String key = request.header("x-api-key");
        if (key == null || key.isEmpty()) {
            throw SandboxError.of(401, "MissingApikey", "The x-api-key header is missing.");
        }
        if (!key.equals(apiKey)) {
            throw SandboxError.of(401, "InvalidApikey", "The API key is not valid.");
        }
    }

    private JsonNode route(SandboxRequest request) {
        String route = request.method() + " " + request.path();
        switch (route) {
            case "POST " + INITIALIZE_PATH:
                return transfers.initialize(request);
            case "PUT /transfer/cancel":
                return transfers.cancel(request);
            case "PUT /transfer/complete":
                return transfers.complete(request);
            case "GET /transfer/sent":
                return transfers.sent(request);
            case "POST " + UPLOAD_PATH:
                uploads.upload(request);
                return null;
            default:
                break;
        }
        String path = request.path();
        if (request.method().equals("GET") && path.startsWith("/transfer/") && path.indexOf('/', 10) < 0
                && path.length() > 10) {
            return transfers.details(path.substring(10));
        }
        if (List.of(INITIALIZE_PATH, "/transfer/cancel", "/transfer/complete", UPLOAD_PATH).contains(path)) {
            throw SandboxError.of(405, "InvalidRequest", request.method() + " is not allowed on " + path + ".");
        }
        throw SandboxError.of(404, "NotFound", "No sandbox endpoint " + route + "; check the base URL and path.");
    }

    private void record(long arrival, SandboxRequest request, CountingInputStream stream, int status) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String body = request.body() == null ? null : new String(request.body(), StandardCharsets.UTF_8);
        journal.record(arrival, new RecordedRequest(request.method(), request.path(), request.rawQuery(),
                Map.copyOf(headers), body, stream.count(), status));
    }

    private void pause() {
        try {
            controls.pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Status 0 (and no body) means the connection is dropped instead of answered. */
    private record Answer(int status, JsonNode body, Duration retryAfter, Fault fault) {

        boolean dropped() {
            return status == 0;
        }
    }

}
