package com.filemailbatch.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The machine's RabbitMQ for the workers' tests: {@code 127.0.0.1:5672}, user guest (Spring Boot's defaults).
 */
public final class RabbitMqServer {

    private RabbitMqServer() {
    }

    /**
     * For {@code @EnabledIf}: true when the broker's port answers. In CI (CI=true) an absent broker is a failure, not
     * a reason to skip: .ci/run starts RabbitMQ, so the tests must really run there.
     */
    public static boolean available() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2000);
            return true;
        } catch (IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("RabbitMQ is not reachable at 127.0.0.1:5672 but CI=true: .ci/run "
                        + "should have started it", e);
            }
            return false;
        }
    }
}
