package com.filemailbatch.liveness;

import com.filemailbatch.ledger.LedgerKeys;
import com.filemailbatch.liveness.RunLock.HeldLock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether a run of a job may start now: one at a time, whoever launches it. A run is admitted while it holds the
 * job's {@link RunLock}: one lock per job name, whatever the input, because two inputs may share references and the
 * exactly-once claim of a reference assumes one sender at a time. Once admitted, the job's runs left unfinished by
 * dead processes are recovered (marked failed, so that they can restart): with the lock held, no live process of
 * another launch can own them. A process whose master key is no longer the ledger's ({@code rotate-key} ran in
 * another process since it started) is refused: what it encrypted could not be read.
 */
@Component
public class RunAdmission {

    private final RunLock locks;
    private final StaleRunRecovery recovery;
    private final LedgerKeys keys;

    RunAdmission(RunLock locks, StaleRunRecovery recovery, LedgerKeys keys) {
        this.locks = locks;
        this.recovery = recovery;
        this.keys = keys;
    }

    /** @return the admission, holding the job's lock until closed; empty when another run of the job holds it */
    public Optional<Admitted> tryAdmit(String jobName) {
        Optional<HeldLock> lock = locks.tryAcquire(jobName);
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            keys.confirmStillCurrent();
            return Optional.of(new Admitted(lock.get(), recovery.recoverAbandoned(jobName)));
        } catch (RuntimeException e) {
            lock.get().close();
            throw e;
        }
    }

    /** Who holds the job's lock ({@code host:pid}), for the message of a refused {@link #tryAdmit}. */
    public Optional<String> holder(String jobName) {
        return locks.holder(jobName).map(RunLock.Holder::lockedBy);
    }

    /** An admitted run: the job's lock, held until {@link #close()}, and the runs recovered on admission. */
    public static final class Admitted implements AutoCloseable {

        private final HeldLock lock;
        private final List<Long> recovered;

        private Admitted(HeldLock lock, List<Long> recovered) {
            this.lock = lock;
            this.recovered = List.copyOf(recovered);
        }

        /** The ids of the job's executions found abandoned and marked failed, oldest first. */
        public List<Long> recovered() {
            return recovered;
        }

        /** Releases the job's lock. */
        @Override
        public void close() {
            lock.close();
        }
    }
}
