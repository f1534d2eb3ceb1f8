package com.filemailbatch.dashboard.security;

import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Stand-ins for the dashboard's pages in the security tests: a page to read (with the signed-in name, whether the
 * user may act, and an action's form with its CSRF token) and an action to take. Not a component, so that no other
 * test's application picks it up: {@link RunningDashboard} adds it by name.
 */
final class TestPages {

    @Bean
    RouterFunction<ServerResponse> testRoutes() {
        return RouterFunctions.route()
                .GET("/test/page", request -> ServerResponse.ok().render("test/page"))
                .POST("/actions/test", request -> ServerResponse.ok().body("done"))
                .build();
    }
}
