package com.filemailbatch.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the dashboard as served: the whole application with its web server on a free loopback port (as
 * {@code serve} and {@code dashboard} run it), an H2 file database of its own and the Filemail sandbox. Two users:
 * {@code viewer} and {@code operator}, both with the password {@value #PASSWORD}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet",
        "server.address=127.0.0.1",
        "filemail.dashboard.users.viewer.password-hash=" + DashboardTest.HASH,
        "filemail.dashboard.users.viewer.role=viewer",
        "filemail.dashboard.users.operator.password-hash=" + DashboardTest.HASH,
        "filemail.dashboard.users.operator.role=operator"})
@Import(JobRuns.class)
@ContextConfiguration(initializers = SandboxContextInitializer.class)
public @interface DashboardTest {

    String PASSWORD = "correct horse battery";
    /** BCrypt of {@link #PASSWORD}, cost 4: fast to check in tests. */
    String HASH = "{bcrypt}$2a$04$WgRmJUZ160wR2NNJba1bv.Ns1f1HDRHePgLTbEwfF2XqZ3Baoa/Hy";
}
