package com.filemailbatch.startup;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a command's application holds. Spring Boot would auto-configure everything on the class path (a web server,
 * security, Thymeleaf, actuator endpoints, Micrometer's exporters, Spring Cloud's discovery and refresh scope) for
 * every command, and the component scan registers every page, job step and client of this application; reading them
 * took a good part of a cold {@code history}. Each scope drops the auto-configurations its commands never use, before
 * they are read ({@link ScopeFilter}), and the components of the packages they never use ({@link ScopeComponents}).
 */
public enum ContextScope {

    /**
     * The database and what reads or writes it (history, show, purge, check, ...): no Filemail client, no web server,
     * no RabbitMQ (even with the workers), meters in memory only (no exporter, no JVM or system meters), beans made
     * when first asked for ({@code spring.main.lazy-initialization}).
     */
    DATA(List.of(Prefixes.METRICS, Prefixes.FEIGN, Prefixes.WEB, Prefixes.AMQP), List.of("dashboard", "serve", "send",
            "upload", "cleanup", "filemail"), true),

    /** The jobs (run, cleanup): the Filemail client and the metrics it records, no web server, no dashboard. */
    JOBS(List.of(Prefixes.WEB), List.of("dashboard", "serve"), false),

    /** Everything: serve and dashboard, with their web server, security, health and metrics endpoints. */
    WEB(List.of(), List.of(), false);

    /** The name of the singleton that carries the scope into the application (see {@link #register}). */
    static final String BEAN = "filemailContextScope";

    private final List<List<String>> dropped;
    /** Packages of this application whose components the scope leaves out, under {@code com.filemailbatch}. */
    private final List<String> unscanned;
    private final boolean lazy;

    ContextScope(List<List<String>> dropped, List<String> unscanned, boolean lazy) {
        this.dropped = dropped;
        this.unscanned = unscanned.stream().map(name -> "com.filemailbatch." + name + ".").toList();
        this.lazy = lazy;
    }

    /** Whether the application's beans are made when first asked for, not all at start. */
    public boolean lazy() {
        return lazy;
    }

    /**
     * Hands the scope to the application about to be refreshed (as an initializer), before the auto-configurations
     * are chosen. An application without it (a test's, the bench's) holds everything.
     */
    public void register(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton(BEAN, this);
        context.getBeanFactory().registerSingleton(BEAN + "Components", new ScopeComponents(this));
        if (lazy) {
            MetersInMemory.applyTo(context);
        }
    }

    /** Whether this scope leaves out the component of that class name. */
    boolean leavesOut(String className) {
        return Prefixes.startsWithAny(className, unscanned);
    }

    /**
     * Whether this scope keeps the auto-configuration class of that name.
     *
     * @param workers whether the workers are on ({@code filemail.workers.enabled}, which the {@code worker} command
     *                sets): only they use RabbitMQ, whose auto-configurations are left out without them in every
     *                scope (binding the broker's metrics made a connection factory at every start, 0.6 s of a cold
     *                {@code history})
     */
    boolean keeps(String autoConfiguration, boolean workers) {
        if (Prefixes.startsWithAny(autoConfiguration, Prefixes.NEVER)
                || !workers && Prefixes.startsWithAny(autoConfiguration, Prefixes.AMQP)) {
            return false;
        }
        if (Prefixes.startsWithAny(autoConfiguration, Prefixes.ALWAYS)) {
            return true;
        }
        return dropped.stream().noneMatch(prefixes -> Prefixes.startsWithAny(autoConfiguration, prefixes));
    }

    /** Packages of auto-configurations, by what they serve. */
    private static final class Prefixes {

        /**
         * What serves nothing here, in any scope. Spring Cloud's own auto-configurations (discovery clients, load
         * balancer, refresh scope, configuration rebinding, service registry) come with OpenFeign: the Feign client
         * has a fixed URL; OpenFeign's own ({@code org.springframework.cloud.openfeign}) stays. The proxies of
         * annotations: no class here or in a library it uses is {@code @Transactional} (each transaction is a
         * {@code TransactionTemplate} of its owner's, Spring Batch's repository and steps make their own), the
         * {@code @Repository} classes work through {@code JdbcTemplate}, which translates SQL errors itself, and
         * there is no aspect; the proxy machinery (a CGLIB subclass of each repository, the advisors looked up for
         * every bean) cost every command a start. JTA: one database, local transactions.
         */
        static final List<String> NEVER = List.of("org.springframework.cloud.autoconfigure.",
                "org.springframework.cloud.client.", "org.springframework.cloud.commons.",
                "org.springframework.cloud.configuration.",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
                "org.springframework.boot.transaction.jta.",
                "org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration",
                "org.springframework.boot.autoconfigure.aop.");

        /** A meter registry in memory: the notifications and the journal count into it whatever the command. */
        static final List<String> ALWAYS = List.of(
                "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.");

        /** OpenFeign's, and the HTTP message converters its encoder and decoder use (so does the web server's). */
        static final List<String> FEIGN = List.of("org.springframework.cloud.openfeign.",
                "org.springframework.boot.http.converter.");

        /** RabbitMQ's: the workers' only (see {@link #keeps}). */
        static final List<String> AMQP = List.of("org.springframework.boot.amqp.");

        static final List<String> METRICS = List.of("org.springframework.boot.micrometer.",
                "org.springframework.boot.batch.autoconfigure.observation.", "org.springframework.boot.actuate.",
                "org.springframework.boot.health.", "org.springframework.boot.jdbc.autoconfigure.health.",
                "org.springframework.boot.jdbc.autoconfigure.metrics.");

        static final List<String> WEB = List.of("org.springframework.boot.webmvc.", "org.springframework.boot.tomcat.",
                "org.springframework.boot.servlet.", "org.springframework.boot.security.",
                "org.springframework.boot.thymeleaf.", "org.springframework.boot.actuate.autoconfigure.",
                "org.springframework.boot.health.autoconfigure.actuate.");

        static boolean startsWithAny(String name, List<String> prefixes) {
            return prefixes.stream().anyMatch(name::startsWith);
        }
    }
}
