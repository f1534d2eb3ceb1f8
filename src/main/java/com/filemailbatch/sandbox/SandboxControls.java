package com.filemailbatch.sandbox;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** The knobs tests turn: latency, unavailability, queued error answers and random faults. */
final class SandboxControls {

    private final ConcurrentLinkedQueue<ScriptedAnswer> scripted = new ConcurrentLinkedQueue<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean unavailable;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final FaultInjector faults = new FaultInjector();

    void enqueue(ScriptedAnswer answer) {
        scripted.add(answer);
    }

    /** Removes and returns the oldest queued answer for this method and path that applies now, if any. */
    Optional<ScriptedAnswer> takeScripted(String method, String path) {
        for (Iterator<ScriptedAnswer> it = scripted.iterator(); it.hasNext(); ) {
            ScriptedAnswer answer = it.next();
            if (answer.matches(method, path) && !answer.skips() && scripted.remove(answer)) {
                return Optional.of(answer);
            }
        }
        return Optional.empty();
    }

    void pause() throws InterruptedException {
        Duration current = latency;
        if (!current.isZero()) {
            Thread.sleep(current.toMillis());
        }
    }

    void setLatency(Duration latency) {
        this.latency = latency == null || latency.isNegative() ? Duration.ZERO : latency;
    }

    boolean unavailable() {
        return unavailable;
    }

    void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    /** Counts a request being answered, to know the most that were ever answered at once. */
    void enter() {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void leave() {
        inFlight.decrementAndGet();
    }

    FaultInjector faults() {
        return faults;
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    void reset() {
        maxInFlight.set(0);
        scripted.clear();
        latency = Duration.ZERO;
        unavailable = false;
        faults.reset();
    }
}
