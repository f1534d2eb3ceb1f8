package com.filemailbatch.send;

import com.filemailbatch.filemail.FilemailApiException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the send steps of one run know together, across threads: that the quota is used up (send nothing more,
 * defer the rest), or that the run must stop (a fatal answer, or the service failing row after row).
 */
class RunGuard {

    private final int stopAfterConsecutiveFailures;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicReference<FilemailApiException> quota = new AtomicReference<>();
    private final AtomicReference<RuntimeException> stop = new AtomicReference<>();

    RunGuard(int stopAfterConsecutiveFailures) {
        this.stopAfterConsecutiveFailures = stopAfterConsecutiveFailures;
    }

    boolean quotaExceeded() {
        return quota.get() != null;
    }

    void quotaExceeded(FilemailApiException answer) {
        quota.compareAndSet(null, answer);
    }

    /** Throws the reason the run stopped, if it did: a row must not start a call after that. */
    void checkNotStopped() {
        RuntimeException reason = stop.get();
        if (reason != null) {
            throw new RunStoppedException(reason);
        }
    }

    void stop(RuntimeException reason) {
        stop.compareAndSet(null, reason);
    }

    void succeeded() {
        consecutiveFailures.set(0);
    }

    /** Counts a row that failed after all retries; past the limit the run stops, with this failure as the reason. */
    void failed(FilemailApiException failure) {
        if (consecutiveFailures.incrementAndGet() >= stopAfterConsecutiveFailures) {
            stop(new FilemailUnavailableException(stopAfterConsecutiveFailures, failure));
        }
    }

    /** Thrown for a row that was not sent because the run had already stopped; the cause says why it stopped. */
    static final class RunStoppedException extends RuntimeException {
        RunStoppedException(RuntimeException reason) {
            super("the run stopped: " + reason.getMessage(), reason);
        }
    }
}
