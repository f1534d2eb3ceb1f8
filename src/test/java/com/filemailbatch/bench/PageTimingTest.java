package com.filemailbatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageTimingTest {

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheMiddleTwo() {
        assertThat(PageTiming.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(PageTiming.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(PageTiming.median(List.of(7.5))).isEqualTo(7.5);
    }

    @Test
    void theNinetyFifthPercentileIsTheNearestRank() {
        List<Double> oneToTwenty = IntStream.rangeClosed(1, 20).mapToObj(i -> (double) i)
                .sorted(Comparator.reverseOrder()).toList();
        assertThat(PageTiming.percentile(oneToTwenty, 95)).isEqualTo(19.0);
        assertThat(PageTiming.percentile(oneToTwenty, 50)).isEqualTo(10.0);
        assertThat(PageTiming.percentile(oneToTwenty, 100)).isEqualTo(20.0);
        List<Double> oneToHundred = IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();
        assertThat(PageTiming.percentile(oneToHundred, 95)).isEqualTo(95.0);
        // Too few values for a tail of their own: the largest.
        assertThat(PageTiming.percentile(List.of(1.0, 2.0, 30.0), 95)).isEqualTo(30.0);
        assertThatThrownBy(() -> PageTiming.percentile(List.of(), 95)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheAppDurationAmongOtherMetrics() {
        assertThat(PageTiming.appDuration(List.of("app;dur=12.345"))).isEqualTo(12.345);
        assertThat(PageTiming.appDuration(List.of("db;dur=3, app;desc=\"whole page\";dur=7.5"))).isEqualTo(7.5);
        assertThat(PageTiming.appDuration(List.of("cache;desc=hit", "app;dur=0.125"))).isEqualTo(0.125);
        assertThat(PageTiming.appDuration(List.of("db;dur=3"))).isNull();
        assertThat(PageTiming.appDuration(List.of())).isNull();
    }

    @Test
    void timesEachPathOverHttpAfterItsWarmUpAndReportsItsStatuses() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            asked.incrementAndGet();
            boolean found = exchange.getRequestURI().getPath().equals("/runs");
            if (found) {
                exchange.getResponseHeaders().add("Server-Timing", "app;dur=2.500");
            }
            byte[] body = (found ? "<html>runs</html>" : "not found").getBytes();
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            List<PageTiming.Page> pages = new PageTiming(base, 2, 5).measure(List.of("/runs", "/transfers?reference=X"));

            assertThat(asked).hasValue(2 * 2 + 2 * 5);
            assertThat(pages).extracting(PageTiming.Page::path).containsExactly("/runs", "/transfers?reference=X");
            PageTiming.Page runs = pages.get(0);
            assertThat(runs.statuses()).isEqualTo(Map.of(200, 5));
            assertThat(runs.requests()).isEqualTo(5);
            assertThat(runs.appMedianMs()).isEqualTo(2.5);
            assertThat(runs.appP95Ms()).isEqualTo(2.5);
            assertThat(runs.clientMedianMs()).isPositive();
            assertThat(runs.clientP95Ms()).isGreaterThanOrEqualTo(runs.clientMedianMs());
            PageTiming.Page missing = pages.get(1);
            assertThat(missing.statuses()).isEqualTo(Map.of(404, 5));
            assertThat(missing.appMedianMs()).isNull();
        } finally {
            server.stop(0);
        }
    }
}
