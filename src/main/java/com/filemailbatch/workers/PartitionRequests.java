package com.filemailbatch.workers;

import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends partition requests to the workers' queue: persistent messages on a durable queue, so that requests no
 * worker took yet survive a restart of the broker.
 */
class PartitionRequests {

    private final AmqpTemplate amqp;
    private final ObjectMapper json;
    private final String queue;
    private final String version;
    private final DatabaseIdentity database;

    PartitionRequests(AmqpTemplate amqp, ObjectMapper json, String queue, String version, DatabaseIdentity database) {
        this.amqp = amqp;
        this.json = json;
        this.queue = queue;
        this.version = version;
        this.database = database;
    }

    void send(PartitionRequest request) {
        amqp.send("", queue, MessageBuilder.withBody(request.toJson(json))
                .setContentType("application/json")
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build());
    }

    String version() {
        return version;
    }

    String database() {
        return database.id();
    }
}
