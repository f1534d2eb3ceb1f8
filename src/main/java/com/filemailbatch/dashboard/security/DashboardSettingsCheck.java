package com.filemailbatch.dashboard.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a web server whose dashboard settings are wrong or unsafe, before anything else starts (no database
 * opened, no port bound): no user configured while the server answers on an address other than loopback (anyone who
 * reaches it would read every run), a trusted header without users, a user without password hash, a hash that is not
 * bcrypt. Registered in {@code META-INF/spring.factories}; an application without a web server is not looked at.
 * The message ends up as the command's one error line (exit 78).
 */
public final class DashboardSettingsCheck implements GenericApplicationListener {

    static final String HASH_HINT = "make one with: filemail-batch dashboard --hash-password";

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        return eventType.isAssignableFrom(ApplicationEnvironmentPreparedEvent.class);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        ApplicationEnvironmentPreparedEvent prepared = (ApplicationEnvironmentPreparedEvent) event;
        // The property is bound to the application only after this event: read it here, as it will be.
        WebApplicationType type = prepared.getEnvironment().getProperty("spring.main.web-application-type",
                WebApplicationType.class, prepared.getSpringApplication().getWebApplicationType());
        if (type == WebApplicationType.SERVLET) {
            check(prepared.getEnvironment());
        }
    }

    /** The settings of a web server that may start. @throws IllegalStateException saying what is wrong */
    static DashboardProperties check(Environment environment) {
        DashboardProperties properties = DashboardProperties.bind(environment);
        for (Map.Entry<String, DashboardProperties.User> user : properties.users().entrySet()) {
            String key = DashboardProperties.PREFIX + ".users." + user.getKey() + ".password-hash";
            String hash = user.getValue().passwordHash();
            if (hash == null && properties.trustedHeader() == null) {
                throw new IllegalStateException(key + " is not set (" + HASH_HINT + ")");
            }
            if (hash != null && !PasswordHashes.isBcrypt(hash)) {
                throw new IllegalStateException(key + " is not a bcrypt hash such as {bcrypt}$2a$10$... ("
                        + HASH_HINT + ")");
            }
        }
        if (properties.users().isEmpty()) {
            if (properties.trustedHeader() != null) {
                throw new IllegalStateException(DashboardProperties.PREFIX + ".trusted-header is set, but no user is "
                        + "configured for it to name (" + DashboardProperties.PREFIX + ".users.NAME.role)");
            }
            String address = environment.getProperty("server.address");
            if (!isLoopback(address)) {
                throw new IllegalStateException("no dashboard user is configured, and the web server would answer on "
                        + (address == null ? "every address" : address) + ", not only loopback: anyone who reaches it "
                        + "could read every run. Configure users (" + DashboardProperties.PREFIX
                        + ".users.NAME.password-hash and .role, see docs/dashboard.md) or answer on 127.0.0.1");
            }
        }
        return properties;
    }

    /** Whether an address is this machine's loopback; none (every address) or one that does not resolve is not. */
    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Once the configuration is read and logging set up, so that a refusal is logged like any other. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
