package com.filemailbatch.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A visitor of the dashboard over real HTTP, with its own cookies (its session): reads pages, signs in through the
 * login form, and posts the pages' forms with the CSRF token the page gave it.
 */
public final class DashboardClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    public DashboardClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        // What a browser asks for: the error pages answer in HTML, not JSON.
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,*/*").GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page's body, which must answer 200. */
    public String page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    /** Signs in through the login form. @return whether the credentials were taken */
    public boolean signIn(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/login", csrf(page("/login")), Map.of("username", user,
                "password", password));
        return response.statusCode() == 302 && !response.headers().firstValue("Location").orElse("").contains("error");
    }

    /** Posts a form of the page at {@code pagePath} to {@code action}, with that page's CSRF token. */
    public HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        return post(action, csrf(page(pagePath)), fields);
    }

    public HttpResponse<String> post(String path, String csrf, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> form = new java.util.LinkedHashMap<>(fields);
        if (csrf != null) {
            form.put("_csrf", csrf);
        }
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of a page's forms, or null when it has none. */
    public static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        return matcher.find() ? matcher.group(1) : null;
    }
}
