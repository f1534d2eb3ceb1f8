package com.filemailbatch.workers;

/** No worker worked on a run's upload partitions for {@code filemail.workers.wait-for-workers}: the run fails. */
public class WorkersUnavailableException extends RuntimeException {

    WorkersUnavailableException(String message) {
        super(message);
    }
}
