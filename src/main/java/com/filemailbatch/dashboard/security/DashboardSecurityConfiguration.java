package com.filemailbatch.dashboard.security;

import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The dashboard's security, wherever a web server runs: viewers read (GET), operators also act (POST under
 * {@code /actions/}), everything else is refused; form sign-in at {@code /login}, CSRF tokens on every POST, strict
 * headers; the monitoring endpoints open to scrapers. Without users (on loopback only, see
 * {@link DashboardSettingsCheck}) every visitor is a viewer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DashboardSecurityConfiguration {

    /** Only this server's own scripts, styles and images; no plug-ins, no framing, forms post only here. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** What monitoring scrapes: open without signing in, they hold no secret (docs/dashboard.md). */
    static final String[] MONITORING = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**"};
    static final String DENIED_PAGE = "/denied";

    @Bean
    DashboardProperties dashboardProperties(Environment environment) {
        return DashboardSettingsCheck.check(environment);
    }

    @Bean
    PasswordEncoder dashboardPasswordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService dashboardUsers(DashboardProperties properties) {
        return new InMemoryUserDetailsManager(properties.users().entrySet().stream()
                .map(DashboardSecurityConfiguration::userDetails).toList());
    }

    @Bean
    SecurityFilterChain dashboardSecurity(HttpSecurity http, DashboardProperties properties, UserDetailsService users)
            throws Exception {
        AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
        denied.setErrorPage(DENIED_PAGE);
        http.authorizeHttpRequests(requests -> requests
                        // The denied page and Boot's error page, reached by forward from a request already decided.
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, MONITORING).permitAll()
                        .requestMatchers(HttpMethod.GET, "/login", "/dashboard/**", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.POST, "/actions/**").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/**").hasRole("VIEWER")
                        .requestMatchers(HttpMethod.HEAD, "/**").hasRole("VIEWER")
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(denied))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        if (properties.users().isEmpty()) {
            // Checked at start: only on loopback. Reading needs no sign-in; an action still needs an operator, and
            // there is none to sign in as: refused outright rather than sent to a sign-in that cannot succeed.
            http.anonymous(anonymous -> anonymous.authorities("ROLE_ANONYMOUS", "ROLE_VIEWER"))
                    .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint((request, response, e) ->
                            denied.handle(request, response, new AccessDeniedException("no operator configured"))));
        }
        if (properties.trustedHeader() != null) {
            http.addFilterAt(new TrustedHeaderFilter(properties.trustedHeader(), users, denied),
                    AbstractPreAuthenticatedProcessingFilter.class);
        }
        return http.build();
    }

    /** An operator is a viewer too: both roles, so that a page can ask for either. */
    private static UserDetails userDetails(Map.Entry<String, DashboardProperties.User> user) {
        String hash = user.getValue().passwordHash();
        List<String> roles = switch (user.getValue().role()) {
            case VIEWER -> List.of("VIEWER");
            case OPERATOR -> List.of("VIEWER", "OPERATOR");
        };
        // No hash: the user signs in only through the trusted header; an empty hash matches no password.
        return User.withUsername(user.getKey()).password(hash == null ? "" : PasswordHashes.bare(hash))
                .roles(roles.toArray(String[]::new)).build();
    }
}
