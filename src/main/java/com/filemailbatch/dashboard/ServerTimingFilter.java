package com.filemailbatch.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds {@code Server-Timing: app;dur=<ms>} to every response of the web server ({@code serve}, {@code dashboard}):
 * the time the application took, from the request's arrival at this filter (the first of all) until its response
 * was about to be sent. That is what {@code bench --dashboard} reads, and what a browser's developer tools show
 * beside the network time.
 *
 * <p>A header must precede the body, so the body is held back until the header can be written: the whole body
 * when it ends within {@link TimedResponse#HELD} bytes (a page of the dashboard), and otherwise its first part,
 * the time then being until the first part was sent. A flush, an error or a redirect sends the header at once; so
 * does the start of an asynchronous response, timed to that moment.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ServerTimingFilter extends OncePerRequestFilter {

    static final String HEADER = "Server-Timing";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TimedResponse timed = new TimedResponse(response, System.nanoTime());
        try {
            chain.doFilter(request, timed);
        } finally {
            timed.finish();
        }
    }

    /** The header's value for an elapsed time: milliseconds with microseconds, as the specification's examples. */
    static String value(long nanos) {
        return String.format(Locale.ROOT, "app;dur=%.3f", nanos / 1e6);
    }
}
