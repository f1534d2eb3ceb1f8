package com.filemailbatch.sandbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Draws the fault for each request from the configured {@link SandboxFaults} and counts the faults that
 * were applied. Draws are serialized on one {@link Random}: concurrent requests may draw in any order, but
 * the shares hold over all of them.
 */
final class FaultInjector {

    private final Map<Fault, AtomicLong> counts = new EnumMap<>(Fault.class);
    private SandboxFaults faults = SandboxFaults.none();
    private Random random = new Random(faults.seed());

    FaultInjector() {
        for (Fault fault : Fault.values()) {
            counts.put(fault, new AtomicLong());
        }
    }

    synchronized void set(SandboxFaults faults) {
        this.faults = faults == null ? SandboxFaults.none() : faults;
        this.random = new Random(this.faults.seed());
    }

    /**
     * One draw decides both kinds, so their shares add up: below {@code transientShare} a transient fault,
     * then up to {@code transientShare + dropAfterCreateShare} a drop after create (initialize only).
     */
    synchronized Fault draw(boolean initialize) {
        if (faults.isNone()) {
            return Fault.NONE;
        }
        double roll = random.nextDouble();
        if (roll < faults.transientShare()) {
            return Fault.TRANSIENT.get(random.nextInt(Fault.TRANSIENT.size()));
        }
        if (initialize && roll < faults.transientShare() + faults.dropAfterCreateShare()) {
            return Fault.DROPPED_AFTER_CREATE;
        }
        return Fault.NONE;
    }

    synchronized SandboxFaults faults() {
        return faults;
    }

    /** Called once a drawn fault was actually applied to a request. */
    void applied(Fault fault) {
        counts.get(fault).incrementAndGet();
    }

    InjectedFaults injected() {
        return new InjectedFaults(count(Fault.RATE_LIMITED), count(Fault.SERVER_ERROR),
                count(Fault.SERVICE_INTERRUPTION), count(Fault.DROPPED), count(Fault.DROPPED_AFTER_CREATE));
    }

    void reset() {
        set(SandboxFaults.none());
        counts.values().forEach(count -> count.set(0));
    }

    private long count(Fault fault) {
        return counts.get(fault).get();
    }
}
