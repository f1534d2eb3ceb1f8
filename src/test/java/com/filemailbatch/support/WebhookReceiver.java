package com.filemailbatch.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real webhook receiver on a loopback port: records every POST (headers and body) and answers as scripted: 200 by
 * default, or the next scripted status, or no answer at all until {@link #release()} (a receiver that hangs).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A scripted answer: hold the request without answering until released. */
    public static final int HANG = -1;

    /** One request as received. */
    public record Received(String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Received> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch released = new CountDownLatch(1);

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                    String.join(",", values)));
            Received request = new Received(exchange.getRequestURI().getPath(), headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            receiver.all.add(request);
            receiver.received.add(request);
            Integer status = receiver.script.poll();
            if (status != null && status == HANG) {
                try {
                    receiver.released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    /** The next requests get these answers, in order (then 200). */
    public WebhookReceiver answer(int... statuses) {
        for (int status : statuses) {
            script.add(status);
        }
        return this;
    }

    /** Where to post, with a path that looks like a token, as chat webhooks' do. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/T0KEN-in-the-path");
    }

    /** The next request received, waiting for it up to a generous deadline. */
    public Received next() throws InterruptedException {
        Received request = received.poll(60, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the webhook received nothing within 60 s");
        }
        return request;
    }

    /** Every request received so far. */
    public List<Received> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** Lets every hanging request answer 200. */
    public void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }

    /** A loopback port where nothing listens: a receiver that is down. */
    public static URI down() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hooks/down");
        }
    }

}
