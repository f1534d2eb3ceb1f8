package com.filemailbatch.dashboard.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in, for one request, the user a reverse proxy names in a header ({@code filemail.dashboard.trusted-header}),
 * with the role configured for that name; a name that is not a configured user is refused (403), never let through
 * as a visitor. The proxy must remove the header from what clients send: whoever can set it is whoever it names.
 * Kept for the request only (nothing goes into the session), so that the proxy decides on every request.
 */
final class TrustedHeaderFilter extends OncePerRequestFilter {

    private final String header;
    private final UserDetailsService users;
    private final AccessDeniedHandler denied;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    TrustedHeaderFilter(String header, UserDetailsService users, AccessDeniedHandler denied) {
        this.header = header;
        this.users = users;
        this.denied = denied;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = request.getHeader(header);
        if (name == null || name.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        UserDetails user;
        try {
            user = users.loadUserByUsername(name.strip());
        } catch (UsernameNotFoundException e) {
            denied.handle(request, response, new AccessDeniedException("the trusted header names no dashboard user"));
            return;
        }
        if (user instanceof CredentialsContainer credentials) {
            // A copy: the hash need not travel with the request.
            credentials.eraseCredentials();
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new PreAuthenticatedAuthenticationToken(user, null, user.getAuthorities()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
