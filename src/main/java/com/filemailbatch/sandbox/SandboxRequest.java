package com.filemailbatch.sandbox;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.Headers;

/**
 * What the handlers need from an exchange. {@code body} is read up front for JSON endpoints; uploads
 * stream {@code stream} instead so that large chunks never sit in memory.
 */
record SandboxRequest(String method, String path, String rawQuery, Headers headers, byte[] body, InputStream stream) {

    String header(String name) {
        return headers.getFirst(name);
    }

    /** Query parameters, URL-decoded; the first value wins when a name repeats. */
    Map<String, String> query() {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
