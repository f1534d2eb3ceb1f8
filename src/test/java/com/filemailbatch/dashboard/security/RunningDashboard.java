package com.filemailbatch.dashboard.security;

import com.filemailbatch.FilemailBatchApplication;
import com.filemailbatch.dashboard.DashboardServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application with its web server on a free loopback port, started with the very properties {@code serve} and
 * {@code dashboard} start it with, a database of its own, the given settings, and {@link TestPages}.
 */
final class RunningDashboard implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final URI base;

    private RunningDashboard(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = URI.create(DashboardServer.url("127.0.0.1", Integer.parseInt(
                context.getEnvironment().getRequiredProperty("local.server.port"))));
    }

    /** @param settings {@code name=value} pairs, such as the dashboard's users */
    static RunningDashboard start(Path dir, String... settings) {
        List<String> arguments = new ArrayList<>(DashboardServer.properties("127.0.0.1", 0));
        arguments.add("--filemail.data-dir=" + dir.resolve("data"));
        arguments.add("--filemail.reports-dir=" + dir.resolve("reports"));
        arguments.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data").resolve("db"));
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        return new RunningDashboard(new SpringApplicationBuilder(FilemailBatchApplication.class, TestPages.class)
                .logStartupInfo(false).run(arguments.toArray(String[]::new)));
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    @Override
    public void close() {
        context.close();
    }
}
