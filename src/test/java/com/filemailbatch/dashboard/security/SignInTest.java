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
 * The dashboard with a viewer and an operator configured, over real HTTP on loopback: who signs in, who may read and
 * act, CSRF, the session cookie, the headers of a page, and the monitoring endpoints left open.
 */
class SignInTest {

    @TempDir
    static Path dir;

    private static RunningDashboard dashboard;

    @BeforeAll
    static void start() {
        // The viewer's hash as dashboard --hash-password prints it, the operator's without {bcrypt}: both are read.
        dashboard = RunningDashboard.start(dir,
                "filemail.dashboard.users.victor.password-hash=" + PasswordHashes.hash("viewer secret".toCharArray()),
                "filemail.dashboard.users.victor.role=viewer",
                "filemail.dashboard.users.olivia.password-hash="
                        + PasswordHashes.hash("operator secret".toCharArray()).substring("{bcrypt}".length()),
                "filemail.dashboard.users.olivia.role=operator");
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    @Test
    void aVisitorIsSentToSignIn() throws Exception {
        HttpResponse<String> page = new Browser(dashboard).get("/test/page");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).as("a relative redirect").hasValue("/login");
    }

    @Test
    void aViewerSignsInAndReadsButMayNotAct() throws Exception {
        Browser viewer = new Browser(dashboard);

        HttpResponse<String> signedIn = viewer.signIn("victor", "viewer secret");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
        HttpResponse<String> page = viewer.get("/test/page");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<span id=\"user\">victor</span>").doesNotContain("May act.");

        HttpResponse<String> action = viewer.post("/actions/test", Map.of("_csrf", Browser.csrfToken(page)));
        assertThat(action.statusCode()).isEqualTo(403);
        assertThat(action.body()).contains("Not allowed").doesNotContain("done");
    }

    @Test
    void anOperatorSignsInAndActsWithTheFormsToken() throws Exception {
        Browser operator = new Browser(dashboard);
        assertThat(operator.signIn("olivia", "operator secret").headers().firstValue("Location")).hasValue("/");

        HttpResponse<String> page = operator.get("/test/page");
        assertThat(page.body()).contains("<span id=\"user\">olivia</span>", "May act.");
        HttpResponse<String> action = operator.post("/actions/test", Map.of("_csrf", Browser.csrfToken(page)));

        assertThat(action.statusCode()).isEqualTo(200);
        assertThat(action.body()).isEqualTo("done");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedEvenForAnOperator() throws Exception {
        Browser operator = new Browser(dashboard);
        operator.signIn("olivia", "operator secret");

        HttpResponse<String> withoutToken = operator.post("/actions/test", Map.of());
        HttpResponse<String> withAForgedToken = operator.post("/actions/test", Map.of("_csrf", "forged"));

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("Not allowed");
        assertThat(withAForgedToken.statusCode()).isEqualTo(403);
    }

    @Test
    void theSignInErrorNeverSaysWhetherTheUserExists() throws Exception {
        Browser browser = new Browser(dashboard);

        HttpResponse<String> wrongPassword = browser.signIn("olivia", "not her password");
        String wrongPasswordPage = withoutToken(browser.get("/login?error").body());
        HttpResponse<String> unknownUser = browser.signIn("nobody", "operator secret");
        String unknownUserPage = withoutToken(browser.get("/login?error").body());

        assertThat(wrongPassword.headers().firstValue("Location")).hasValue("/login?error");
        assertThat(unknownUser.headers().firstValue("Location")).hasValue("/login?error");
        assertThat(wrongPasswordPage).contains("Wrong user name or password.").isEqualTo(unknownUserPage);
        assertThat(browser.get("/test/page").statusCode()).as("still not signed in").isEqualTo(302);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        HttpResponse<String> signedIn = new Browser(dashboard).signIn("victor", "viewer secret");

        // Signing in gives the session a new id: this is the cookie the signed-in session lives in.
        assertThat(signedIn.headers().allValues("Set-Cookie")).singleElement().asString()
                .startsWith("JSESSIONID=").contains("; HttpOnly", "; SameSite=Strict");
    }

    @Test
    void aPageCarriesTheSecurityHeaders() throws Exception {
        Browser viewer = new Browser(dashboard);
        viewer.signIn("victor", "viewer secret");

        HttpResponse<String> page = viewer.get("/test/page");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Content-Security-Policy")).containsExactly("default-src 'self'; "
                + "script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'");
        assertThat(page.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(page.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(page.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(value ->
                assertThat(value).contains("no-store"));
        assertThat(page.body()).as("no session id in links").doesNotContain("jsessionid");
    }

    @Test
    void signingOutIsAPostWithTheToken() throws Exception {
        Browser viewer = new Browser(dashboard);
        viewer.signIn("victor", "viewer secret");
        String token = viewer.csrfToken("/test/page");

        HttpResponse<String> signedOut = viewer.post("/logout", Map.of("_csrf", token));

        assertThat(signedOut.headers().firstValue("Location")).hasValue("/login?logout");
        assertThat(viewer.get("/test/page").statusCode()).isEqualTo(302);
        assertThat(viewer.get("/login?logout").body()).contains("You have signed out.");
    }

    @Test
    void monitoringIsOpenWithoutSigningIn() throws Exception {
        Browser scraper = new Browser(dashboard);

        for (String endpoint : new String[] {"/actuator/health", "/actuator/info", "/actuator/prometheus",
                "/actuator/metrics", "/actuator/metrics/jvm.threads.live", "/dashboard/app.css"}) {
            assertThat(scraper.get(endpoint).statusCode()).as(endpoint).isEqualTo(200);
        }
        assertThat(scraper.get("/actuator/prometheus").body()).contains("jvm_threads_live_threads");
    }

    /** The page without its form's CSRF token, which differs from one answer to the next. */
    private static String withoutToken(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }
}
