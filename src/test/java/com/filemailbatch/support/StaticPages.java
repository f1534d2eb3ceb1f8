package com.filemailbatch.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A few fixed files served over real HTTP on a loopback port, and the paths the browser asked for: enough to show
 * that the browser harness loads a page and runs its scripts, without the application.
 */
public final class StaticPages implements AutoCloseable {

    /** A page whose external script replaces the text of {@code #greeting}: the text proves the script ran. */
    public static final Map<String, String> SCRIPTED_PAGE = Map.of(
            "/index.html", """
                    <!DOCTYPE html>
                    <html lang="en"><head><meta charset="utf-8"><title>Harness check</title>
                    <script src="/greeting.js" defer></script></head>
                    <body><h1>Harness check</h1><p id="greeting">Waiting for the script</p></body></html>
                    """,
            "/greeting.js", """
                    document.getElementById('greeting').textContent = 'Script ran: ' + (6 * 7);
                    """);

    private final HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    private StaticPages(Map<String, String> files) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(path);
            String body = files.get(path);
            byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType(path));
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public static StaticPages serve(Map<String, String> files) {
        try {
            return new StaticPages(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The paths asked for so far, in order. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String contentType(String path) {
        if (path.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return path.endsWith(".html") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
    }
}
