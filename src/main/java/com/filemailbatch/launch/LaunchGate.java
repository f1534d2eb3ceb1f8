package com.filemailbatch.launch;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * One launch at a time in this process, whoever asks: serve's schedule and the dashboard's operator actions. The
 * run lock already keeps two runs of a job apart across processes; this keeps two launches of any job apart here,
 * since a launch's SIGTERM handling ({@link GracefulStop}) and the compaction between runs assume they are alone.
 */
@Component
public class LaunchGate {

    private final ReentrantLock gate = new ReentrantLock(true);

    /** Runs {@code launch} once no other launch of this process is running. */
    public <T> T oneAtATime(Callable<T> launch) throws Exception {
        gate.lockInterruptibly();
        try {
            return launch.call();
        } finally {
            gate.unlock();
        }
    }

    /** Whether a launch is running now. */
    public boolean busy() {
        return gate.isLocked();
    }
}
