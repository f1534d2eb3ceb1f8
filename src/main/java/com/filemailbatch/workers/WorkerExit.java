package com.filemailbatch.workers;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** How a worker process learns that it must end, and with which exit code. */
class WorkerExit {

    private final CompletableFuture<Integer> code = new CompletableFuture<>();

    void exit(int exitCode) {
        code.complete(exitCode);
    }

    /** Waits until the worker must end. @return its exit code */
    int await() throws InterruptedException {
        try {
            return code.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
