package com.filemailbatch.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One visitor of a {@link RunningDashboard} over real HTTP: its own cookies (the session), redirects not followed so
 * that the tests see them, and optionally a header sent with every request (a reverse proxy's).
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final RunningDashboard dashboard;
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Browser(RunningDashboard dashboard) {
        this.dashboard = dashboard;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Sends {@code name: value} with every request from now on. */
    Browser withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    /** A form POST, url-encoded as a browser sends it. */
    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The CSRF token of the page's form, as a browser would post it back. */
    String csrfToken(String path) throws Exception {
        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(200);
        return csrfToken(page);
    }

    static String csrfToken(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a CSRF token in the form of " + page.body()).isTrue();
        return token.group(1);
    }

    /** Fills in and posts the sign-in form. @return the answer to the POST */
    HttpResponse<String> signIn(String user, String password) throws Exception {
        return post("/login", Map.of("username", user, "password", password, "_csrf", csrfToken("/login")));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(dashboard.uri(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
