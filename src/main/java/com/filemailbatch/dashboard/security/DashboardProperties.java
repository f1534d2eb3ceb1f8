package com.filemailbatch.dashboard.security;

import java.util.Map;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.env.Environment;

/**
 * The dashboard's users, {@code filemail.dashboard.*}: for example
 * {@code filemail.dashboard.users.alice.password-hash={bcrypt}$2a$10$...} and
 * {@code filemail.dashboard.users.alice.role=operator} (environment:
 * {@code FILEMAIL_DASHBOARD_USERS_ALICE_PASSWORDHASH}, {@code FILEMAIL_DASHBOARD_USERS_ALICE_ROLE}).
 * <p>
 * Bound by {@link #bind(Environment)} only where the web server runs, not by the configuration properties scan: a
 * mistake here must never stop a nightly {@code run}, which serves no page.
 *
 * @param users         by name (names compare ignoring case)
 * @param trustedHeader the request header in which a reverse proxy names the signed-in user, or null for none
 */
public record DashboardProperties(Map<String, User> users, String trustedHeader) {

    static final String PREFIX = "filemail.dashboard";

    public DashboardProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
        trustedHeader = trustedHeader == null || trustedHeader.isBlank() ? null : trustedHeader.strip();
    }

    /**
     * The settings as configured. A value that cannot be read (a role that is no role) is named, never shown, and
     * the exception has no cause: the command line shows the innermost message, which would be the binder's.
     */
    public static DashboardProperties bind(Environment environment) {
        try {
            return Binder.get(environment).bindOrCreate(PREFIX, DashboardProperties.class);
        } catch (BindException e) {
            ConfigurationProperty property = e.getProperty();
            String name = (property != null ? property.getName() : e.getName()).toString();
            throw new IllegalStateException(name + " cannot be read" + (name.endsWith(".role")
                    ? ": a role is viewer or operator" : ""));
        }
    }

    /**
     * One user.
     *
     * @param passwordHash the bcrypt hash of the password, with or without {@code {bcrypt}} in front; null for a user
     *                     who signs in only through the reverse proxy's header
     * @param role         what the user may do; viewer when not given
     */
    public record User(String passwordHash, Role role) {

        public User {
            passwordHash = passwordHash == null || passwordHash.isBlank() ? null : passwordHash.strip();
            role = role == null ? Role.VIEWER : role;
        }
    }

    /** What a user may do. */
    public enum Role {
        /** Read every page. */
        VIEWER,
        /** Read every page and take the actions (the POST forms under {@code /actions/}). */
        OPERATOR
    }
}
