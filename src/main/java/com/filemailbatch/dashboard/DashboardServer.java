package com.filemailbatch.dashboard;

import java.util.List;

/**
 * The web server that serves the dashboard and the monitoring endpoints, as {@code serve} and {@code dashboard} start
 * it: given as command-line properties, so that no configuration file can weaken the cookie settings.
 */
public final class DashboardServer {

    /** The actuator endpoints served, all of them readable without signing in (see docs/dashboard.md). */
    static final String ENDPOINTS = "health,info,metrics,prometheus";

    private DashboardServer() {
    }

    /** The {@code --name=value} properties of an application that serves the dashboard on {@code address:port}. */
    public static List<String> properties(String address, int port) {
        return List.of(
                "--spring.main.web-application-type=servlet",
                "--server.address=" + address,
                "--server.port=" + port,
                // The session cookie never reaches a script, nor rides on a request another site makes.
                "--server.servlet.session.cookie.http-only=true",
                "--server.servlet.session.cookie.same-site=strict",
                // Never the session id in a URL, where logs, history and Referer headers would keep it.
                "--server.servlet.session.tracking-modes=cookie",
                // Redirects (to /login, after signing in) as paths: right behind a reverse proxy whatever its host.
                "--server.tomcat.use-relative-redirects=true",
                "--management.endpoints.web.exposure.include=" + ENDPOINTS,
                "--management.endpoint.health.show-details=always");
    }

    /** The dashboard's address as a browser takes it: an IPv6 address in brackets. */
    public static String url(String address, int port) {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + port + "/";
    }
}
