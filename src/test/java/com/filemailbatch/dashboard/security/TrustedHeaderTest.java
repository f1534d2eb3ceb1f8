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
 * The dashboard behind a reverse proxy that names the user in {@code X-Forwarded-User}, over real HTTP: a configured
 * name is signed in with its role (an operator configured without password, for the proxy only), an unknown name is
 * refused outright, and without the header the sign-in form still works.
 */
class TrustedHeaderTest {

    @TempDir
    static Path dir;

    private static RunningDashboard dashboard;

    @BeforeAll
    static void start() {
        dashboard = RunningDashboard.start(dir,
                "filemail.dashboard.trusted-header=X-Forwarded-User",
                "filemail.dashboard.users.olivia.role=operator",
                "filemail.dashboard.users.victor.password-hash=" + PasswordHashes.hash("viewer secret".toCharArray()));
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    @Test
    void theNamedOperatorReadsAndActs() throws Exception {
        Browser olivia = new Browser(dashboard).withHeader("X-Forwarded-User", "olivia");

        HttpResponse<String> page = olivia.get("/test/page");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<span id=\"user\">olivia</span>", "May act.");
        HttpResponse<String> action = olivia.post("/actions/test", Map.of("_csrf", Browser.csrfToken(page)));

        assertThat(action.statusCode()).isEqualTo(200);
        assertThat(action.body()).isEqualTo("done");
    }

    @Test
    void theNamedViewerMayNotAct() throws Exception {
        Browser victor = new Browser(dashboard).withHeader("X-Forwarded-User", "Victor");

        HttpResponse<String> page = victor.get("/test/page");
        assertThat(page.statusCode()).as("names compare ignoring case").isEqualTo(200);
        assertThat(page.body()).doesNotContain("May act.");

        assertThat(victor.post("/actions/test", Map.of("_csrf", Browser.csrfToken(page))).statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownNameIsRefused() throws Exception {
        HttpResponse<String> page = new Browser(dashboard).withHeader("X-Forwarded-User", "mallory").get("/test/page");

        assertThat(page.statusCode()).as("refused, not treated as a visitor").isEqualTo(403);
        assertThat(page.body()).contains("Not allowed");
    }

    @Test
    void withoutTheHeaderTheSignInFormStillWorks() throws Exception {
        Browser victor = new Browser(dashboard);
        assertThat(victor.get("/test/page").statusCode()).isEqualTo(302);

        victor.signIn("victor", "viewer secret");

        assertThat(victor.get("/test/page").statusCode()).isEqualTo(200);
    }

    @Test
    void aUserConfiguredForTheProxyOnlyCannotSignInWithTheForm() throws Exception {
        HttpResponse<String> signIn = new Browser(dashboard).signIn("olivia", "anything");

        assertThat(signIn.headers().firstValue("Location")).hasValue("/login?error");
    }
}
