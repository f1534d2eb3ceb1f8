package com.filemailbatch.liveness;

import static com.filemailbatch.support.Processes.deadPid;
import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.liveness.RunLock.HeldLock;
import com.filemailbatch.support.FilemailBatchTest;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The run lock on the real database (H2 here, PostgreSQL in {@link RunLockPostgresTest}). */
@FilemailBatchTest
class RunLockTest {

    private static final String NAME = "sendTransfersJob";

    @Autowired
    RunLock lock;

    @Autowired
    JdbcTemplate jdbc;

    /** Released, not deleted: ShedLock remembers which lock rows it has inserted and then only updates them. */
    @BeforeEach
    void noLocks() {
        jdbc.update("UPDATE shedlock SET lock_until = locked_at");
    }

    @Test
    void aHeldLockRefusesEveryOtherLauncherUntilReleased() {
        Optional<HeldLock> first = lock.tryAcquire(NAME);
        assertThat(first).isPresent();

        assertThat(lock.tryAcquire(NAME)).as("a second launch while the first holds the lock").isEmpty();
        Optional<HeldLock> other = lock.tryAcquire("cleanupStaleTransfersJob");
        assertThat(other).as("another job's lock is separate").isPresent();
        other.get().close();
        assertThat(lock.holder(NAME)).get().extracting(RunLock.Holder::lockedBy)
                .isEqualTo(ThisProcess.HOST + ":" + ThisProcess.PID);

        first.get().close();
        Optional<HeldLock> again = lock.tryAcquire(NAME);
        assertThat(again).as("released: the next launch gets it").isPresent();
        again.get().close();
    }

    /**
     * A release followed at once by the next launch: with lock times kept to the millisecond, the database rounded
     * the release time up half of the time, and a launch within that half millisecond found the lock still held.
     */
    @Test
    void aLaunchRightAfterAReleaseAlwaysGetsTheLock() {
        for (int launch = 0; launch < 300; launch++) {
            HeldLock held = lock.tryAcquire(NAME).orElseThrow(() -> new AssertionError("the lock was not free"));
            held.close();
        }
    }

    @Test
    void extendingPushesTheExpiryForward() {
        try (HeldLock held = lock.tryAcquire(NAME).orElseThrow()) {
            LocalDateTime before = lockUntil();
            jdbc.update("UPDATE shedlock SET lock_until = ? WHERE name = ?", before.minusSeconds(30), NAME);

            assertThat(held.extend()).isTrue();

            assertThat(lockUntil()).as("at-most-for (2 min) from the database's now").isAfter(before.minusSeconds(30));
            assertThat(lock.tryAcquire(NAME)).isEmpty();
        }
    }

    @Test
    void aLockWhoseHolderStoppedExtendingItExpires() {
        insert("some-other-host:4242", LocalDateTime.now().minusYears(1));

        Optional<HeldLock> taken = lock.tryAcquire(NAME);

        assertThat(taken).as("expired: a crashed holder does not block forever").isPresent();
        taken.get().close();
    }

    @Test
    void aLiveLockOfAnotherHostIsRespected() {
        insert("some-other-host:4242", LocalDateTime.now().plusYears(1));

        assertThat(lock.tryAcquire(NAME)).isEmpty();
        assertThat(lock.holder(NAME)).get().extracting(RunLock.Holder::lockedBy).isEqualTo("some-other-host:4242");
    }

    @Test
    void aLockOfAKilledProcessOfThisHostIsTakenOverAtOnce() {
        insert(ThisProcess.HOST + ":" + deadPid(), LocalDateTime.now().plusYears(1));

        Optional<HeldLock> taken = lock.tryAcquire(NAME);

        assertThat(taken).as("its process is gone, so its run is too").isPresent();
        assertThat(lock.holder(NAME)).get().extracting(RunLock.Holder::lockedBy)
                .isEqualTo(ThisProcess.HOST + ":" + ThisProcess.PID);
        taken.get().close();
    }

    private void insert(String lockedBy, LocalDateTime until) {
        LocalDateTime lockedAt = LocalDateTime.now().minusYears(2);
        if (jdbc.update("UPDATE shedlock SET lock_until = ?, locked_at = ?, locked_by = ? WHERE name = ?", until,
                lockedAt, lockedBy, NAME) == 0) {
            jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, ?)", NAME,
                    until, lockedAt, lockedBy);
        }
    }

    private LocalDateTime lockUntil() {
        return jdbc.queryForObject("SELECT lock_until FROM shedlock WHERE name = ?", LocalDateTime.class, NAME);
    }
}
