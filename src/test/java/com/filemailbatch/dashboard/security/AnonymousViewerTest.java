package com.filemailbatch.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard on loopback with no user configured, over real HTTP: every visitor reads, nobody acts (there is no
 * operator to sign in as), and the sign-in page says why.
 */
class AnonymousViewerTest {

    @TempDir
    static Path dir;

    private static RunningDashboard dashboard;

    @BeforeAll
    static void start() {
        dashboard = RunningDashboard.start(dir);
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    @Test
    void aVisitorReadsWithoutSigningIn() throws Exception {
        HttpResponse<String> page = new Browser(dashboard).get("/test/page");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<span id=\"user\">anonymousUser</span>").doesNotContain("May act.");
    }

    @Test
    void anActionIsRefusedWithOrWithoutTheToken() throws Exception {
        Browser visitor = new Browser(dashboard);
        String token = visitor.csrfToken("/test/page");

        HttpResponse<String> withToken = visitor.post("/actions/test", Map.of("_csrf", token));
        HttpResponse<String> withoutToken = visitor.post("/actions/test", Map.of());

        assertThat(withToken.statusCode()).as("refused, not sent to a sign-in nobody can pass").isEqualTo(403);
        assertThat(withToken.body()).contains("Not allowed").doesNotContain("done");
        assertThat(withoutToken.statusCode()).isEqualTo(403);
    }

    @Test
    void theSignInPageSaysNoUserIsConfigured() throws Exception {
        assertThat(new Browser(dashboard).get("/login").body()).contains("No dashboard user is configured");
    }
}
