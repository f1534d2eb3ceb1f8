package com.filemailbatch.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.support.SandboxContextInitializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** The web server's responses carry the header over real HTTP: the application started as serve starts it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "server.address=127.0.0.1"})
@ContextConfiguration(initializers = SandboxContextInitializer.class)
class ServerTimingWebTest {

    private static final String TIMING = "app;dur=\\d+\\.\\d{3}";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthCarriesTheHeaderAndItsWholeBody() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.headers().firstValue("Server-Timing")).get().asString().matches(TIMING);
        assertThat(response.headers().allValues("Server-Timing")).hasSize(1);
        assertThat(response.body()).startsWith("{").contains("\"status\"").endsWith("}");
    }

    @Test
    void aPageThatDoesNotExistCarriesItToo() throws Exception {
        HttpResponse<String> response = get("/no-such-page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Server-Timing")).get().asString().matches(TIMING);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(2)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
