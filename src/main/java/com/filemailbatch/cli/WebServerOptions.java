package com.filemailbatch.cli;

import com.filemailbatch.dashboard.DashboardServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/** Where {@code serve} and {@code dashboard} answer: the dashboard and the monitoring endpoints, on one port. */
final class WebServerOptions {

    @Option(names = "--address", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address the web server answers on (default: ${DEFAULT-VALUE}, this machine only). "
                    + "Any other (0.0.0.0: every address) needs dashboard users configured: see docs/dashboard.md.")
    String address;

    @Option(names = {"--port", "--management-port"}, paramLabel = "PORT", defaultValue = "8081",
            description = "The port of the dashboard and of /actuator/health, /actuator/info, /actuator/prometheus "
                    + "and /actuator/metrics (default: ${DEFAULT-VALUE}; 0 picks a free one). --management-port is "
                    + "its earlier name.")
    int port;

    /** @throws UsageException for a port out of range or an address that is none */
    void check() {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be 0 to 65535, was " + port);
        }
        try {
            InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new UsageException("--address '" + address + "' is not an IP address or a known host name");
        }
    }

    List<String> properties() {
        return DashboardServer.properties(address, port);
    }

    /** The dashboard's address once the server started: with the port it took when 0 was asked for. */
    String url(ConfigurableApplicationContext context) {
        return DashboardServer.url(address, context.getEnvironment().getProperty("local.server.port", Integer.class,
                port));
    }
}
