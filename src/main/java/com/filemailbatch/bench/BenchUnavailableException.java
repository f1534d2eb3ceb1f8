package com.filemailbatch.bench;

/** A service a benchmark figure needs (PostgreSQL, RabbitMQ) is not there: the figure is refused, with what to do. */
public final class BenchUnavailableException extends RuntimeException {

    BenchUnavailableException(String message) {
        super(message);
    }
}
