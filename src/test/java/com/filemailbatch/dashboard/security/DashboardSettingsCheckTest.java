package com.filemailbatch.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.filemailbatch.dashboard.security.DashboardProperties.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The dashboard's settings as they are read and checked before a web server starts: users from properties and from
 * environment variables, hashes with or without {@code {bcrypt}}, and each refusal's message (which names the key,
 * never the value).
 */
class DashboardSettingsCheckTest {

    private static final String HASH = PasswordHashes.hash("secret".toCharArray());

    @Test
    void usersComeFromPropertiesOrEnvironmentVariables() {
        StandardEnvironment environment = environment(Map.of("server.address", "127.0.0.1",
                "filemail.dashboard.users.alice.password-hash", HASH,
                "filemail.dashboard.users.alice.role", "operator"));
        // In place of the process's environment variables, under the name that gives them their relaxed binding.
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "FILEMAIL_DASHBOARD_USERS_BOB_PASSWORDHASH", HASH.substring("{bcrypt}".length()),
                "FILEMAIL_DASHBOARD_TRUSTEDHEADER", "X-Forwarded-User")));

        DashboardProperties properties = DashboardSettingsCheck.check(environment);

        assertThat(properties.users()).containsOnlyKeys("alice", "bob");
        assertThat(properties.users().get("alice").role()).isEqualTo(Role.OPERATOR);
        assertThat(properties.users().get("bob").role()).as("viewer unless said").isEqualTo(Role.VIEWER);
        assertThat(properties.trustedHeader()).isEqualTo("X-Forwarded-User");
        assertThat(new BCryptPasswordEncoder().matches("secret",
                PasswordHashes.bare(properties.users().get("bob").passwordHash()))).isTrue();
    }

    @Test
    void withoutUsersOnlyLoopbackIsServed() {
        for (String loopback : new String[] {"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
            assertThat(DashboardSettingsCheck.check(environment(Map.of("server.address", loopback))).users())
                    .as(loopback).isEmpty();
        }

        assertThatThrownBy(() -> DashboardSettingsCheck.check(environment(Map.of("server.address", "0.0.0.0"))))
                .hasMessageStartingWith("no dashboard user is configured, and the web server would answer on "
                        + "0.0.0.0, not only loopback");
        assertThatThrownBy(() -> DashboardSettingsCheck.check(environment(Map.of())))
                .hasMessageContaining("would answer on every address");
    }

    @Test
    void anyAddressIsServedOnceAUserIsConfigured() {
        assertThat(DashboardSettingsCheck.check(environment(Map.of("server.address", "0.0.0.0",
                "filemail.dashboard.users.alice.password-hash", HASH))).users()).containsOnlyKeys("alice");
    }

    @Test
    void aHashThatIsNotBcryptIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> DashboardSettingsCheck.check(environment(Map.of("server.address", "127.0.0.1",
                "filemail.dashboard.users.alice.password-hash", "{noop}letmein"))))
                .hasMessage("filemail.dashboard.users.alice.password-hash is not a bcrypt hash such as "
                        + "{bcrypt}$2a$10$... (make one with: filemail-batch dashboard --hash-password)");
    }

    @Test
    void aUserNeedsAHashUnlessTheProxyNamesUsers() {
        assertThatThrownBy(() -> DashboardSettingsCheck.check(environment(Map.of("server.address", "127.0.0.1",
                "filemail.dashboard.users.alice.role", "operator"))))
                .hasMessage("filemail.dashboard.users.alice.password-hash is not set (make one with: filemail-batch "
                        + "dashboard --hash-password)");

        assertThat(DashboardSettingsCheck.check(environment(Map.of("server.address", "127.0.0.1",
                "filemail.dashboard.users.alice.role", "operator",
                "filemail.dashboard.trusted-header", "X-Forwarded-User"))).users()).containsOnlyKeys("alice");
    }

    @Test
    void aTrustedHeaderNeedsUsersToName() {
        assertThatThrownBy(() -> DashboardSettingsCheck.check(environment(Map.of("server.address", "127.0.0.1",
                "filemail.dashboard.trusted-header", "X-Forwarded-User"))))
                .hasMessageStartingWith("filemail.dashboard.trusted-header is set, but no user is configured");
    }

    @Test
    void aRoleThatIsNoRoleIsNamed() {
        assertThatThrownBy(() -> DashboardSettingsCheck.check(environment(Map.of("server.address", "127.0.0.1",
                "filemail.dashboard.users.alice.password-hash", HASH,
                "filemail.dashboard.users.alice.role", "admin"))))
                .hasMessage("filemail.dashboard.users.alice.role cannot be read: a role is viewer or operator")
                .hasNoCause();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new LinkedHashMap<>(properties)));
        return environment;
    }
}
