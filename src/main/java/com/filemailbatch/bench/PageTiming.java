package com.filemailbatch.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times pages over real HTTP: each path is first asked for {@code warmup} times (not measured), then
 * {@code requests} times one after another, each answer read whole. Per path: the statuses answered, and the
 * median and 95th percentile of the application's own time (the {@code app} metric of its {@code Server-Timing}
 * header) and of the time this client waited from sending the request to the answer's last byte.
 */
public final class PageTiming {

    private static final Pattern APP_DURATION = Pattern.compile("(?:^|,)\\s*app\\s*;(?:[^,]*;)?\\s*dur=([0-9.]+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final URI base;
    private final int warmup;
    private final int requests;

    public PageTiming(URI base, int warmup, int requests) {
        if (warmup < 0 || requests < 1) {
            throw new IllegalArgumentException("warmup must be at least 0 and requests at least 1");
        }
        this.base = base;
        this.warmup = warmup;
        this.requests = requests;
    }

    /**
     * One page's figures, in milliseconds. The application's figures are null when no answer carried the header.
     *
     * @param statuses how many answers had each HTTP status
     */
    public record Page(
            String path,
            Map<Integer, Integer> statuses,
            int requests,
            @JsonProperty("app_median_ms") Double appMedianMs,
            @JsonProperty("app_p95_ms") Double appP95Ms,
            @JsonProperty("client_median_ms") double clientMedianMs,
            @JsonProperty("client_p95_ms") double clientP95Ms) {
    }

    /** Warms every path up first, then measures them one after the other. */
    public List<Page> measure(List<String> paths) throws IOException, InterruptedException {
        for (int round = 0; round < warmup; round++) {
            for (String path : paths) {
                get(path);
            }
        }
        List<Page> pages = new ArrayList<>();
        for (String path : paths) {
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<Double> app = new ArrayList<>();
            List<Double> client = new ArrayList<>();
            for (int request = 0; request < requests; request++) {
                long started = System.nanoTime();
                HttpResponse<byte[]> response = get(path);
                client.add((System.nanoTime() - started) / 1e6);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                Double appMs = appDuration(response.headers().allValues("Server-Timing"));
                if (appMs != null) {
                    app.add(appMs);
                }
            }
            pages.add(new Page(path, statuses, requests, app.isEmpty() ? null : median(app),
                    app.isEmpty() ? null : percentile(app, 95), median(client), percentile(client, 95)));
        }
        return pages;
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The {@code app} metric's duration among the header's values, or null. */
    static Double appDuration(List<String> serverTiming) {
        for (String value : serverTiming) {
            Matcher matcher = APP_DURATION.matcher(value);
            if (matcher.find()) {
                return Double.valueOf(matcher.group(1));
            }
        }
        return null;
    }

    /** The middle value; the mean of the middle two for an even count. */
    static double median(List<Double> values) {
        double[] sorted = sorted(values);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * The nearest-rank percentile: the smallest value that at least {@code percent} % of the values are at most
     * (of 20 values, the 95th percentile is the 19th smallest).
     */
    static double percentile(List<Double> values, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1 to 100");
        }
        double[] sorted = sorted(values);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[rank - 1];
    }

    private static double[] sorted(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
