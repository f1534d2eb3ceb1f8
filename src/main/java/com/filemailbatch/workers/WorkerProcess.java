package com.filemailbatch.workers;

import com.filemailbatch.launch.GracefulStop;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/** A worker process as the {@code worker} command drives it: start taking partitions, wait, shut down. */
public class WorkerProcess {

    private Thread taking;
    private final PartitionWorker worker;
    private final WorkerExit exit;
    private final WorkersProperties properties;

    private final AmqpAdmin admin;
    private final ConnectionFactory connectionFactory;

    WorkerProcess(PartitionWorker worker, WorkerExit exit, WorkersProperties properties, AmqpAdmin admin,
            ConnectionFactory connectionFactory) {
        this.admin = admin;
        this.connectionFactory = connectionFactory;
        this.worker = worker;
        this.exit = exit;
        this.properties = properties;
    }

    /** How this worker is named in the history. */
    public String name() {
        return worker.name();
    }

    public String queue() {
        return properties.queue();
    }

    /**
     * Starts taking partition requests from the queue, once the broker answered (it declares the queue).
     *
     * @throws org.springframework.amqp.AmqpException when RabbitMQ cannot be reached or refuses the credentials
     */
    public void start() {
        admin.declareQueue(new Queue(properties.queue(), true));
        taking = new Thread(worker::work, "filemail-batch-worker");
        taking.start();
    }

    /** Where the broker is, as the worker reaches it: {@code host:port/virtual-host}. */
    public String broker() {
        return connectionFactory.getHost() + ":" + connectionFactory.getPort() + "/" + connectionFactory.getVirtualHost();
    }

    /** Waits until the worker must end (it refused a partition of another release or database). @return exit code */
    public int awaitExit() throws InterruptedException {
        return exit.await();
    }

    /**
     * Takes no new request; the partition in progress stops after its chunk in flight and is handed back for another
     * worker. Returns when it has.
     */
    public void shutDown() {
        worker.shutDown(GracefulStop.GRACE);
    }
}
