package com.filemailbatch.liveness;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One run at a time per lock name (the job name), whoever launches it: a thread of this process, another process, or
 * another machine sharing the database. A ShedLock row in the database, not a flag in memory: a holder that crashes
 * stops extending it and it expires after {@code filemail.lock.at-most-for}; a live holder extends it every quarter
 * of that, so a long run never loses it. Times are the database's clock, so machines' clocks may disagree.
 *
 * <p>One shortcut: a lock whose holder was a process of this host that no longer exists (killed) is taken over at
 * once instead of waiting for it to expire, the same rule {@link StaleRunRecovery} applies to its executions.
 */
@Component
public class RunLock implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);

    private final LockProvider provider;
    private final JdbcTemplate jdbc;
    private final LockProperties properties;
    private final ScheduledExecutorService extender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "filemail-batch-lock-extender");
        thread.setDaemon(true);
        return thread;
    });

    RunLock(DataSource dataSource, LockProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.properties = properties;
        this.provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .withTableName("shedlock")
                .withLockedByValue(ThisProcess.HOST + ":" + ThisProcess.PID)
                .usingDbTime()
                .build());
    }

    /** @return the lock, held and kept alive until closed; empty when another live holder has it */
    public Optional<HeldLock> tryAcquire(String name) {
        Optional<SimpleLock> lock = lock(name);
        if (lock.isEmpty() && releaseIfHolderDead(name)) {
            lock = lock(name);
        }
        return lock.map(held -> new HeldLock(name, held));
    }

    /** The last holder of the lock and its expiry, for messages after a refused {@link #tryAcquire}. */
    public Optional<Holder> holder(String name) {
        // The times are the database's UTC wall clock in a column without zone (ShedLock's usingDbTime).
        List<Holder> rows = jdbc.query("SELECT locked_by, lock_until FROM shedlock WHERE name = ?",
                (rs, i) -> new Holder(rs.getString(1),
                        rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)), name);
        return rows.stream().findFirst();
    }

    private Optional<SimpleLock> lock(String name) {
        return provider.lock(new LockConfiguration(Instant.now(), name, properties.atMostFor(), Duration.ZERO));
    }

    /**
     * A process of this host that held the lock and is gone (kill -9) cannot have a run in progress: release its
     * lock instead of making the restart wait up to at-most-for. Conditional on the exact row seen, so a lock taken
     * meanwhile by someone else is never touched.
     */
    private boolean releaseIfHolderDead(String name) {
        Optional<Holder> holder = holder(name);
        if (holder.isEmpty() || !holder.get().isDeadProcessOfThisHost()) {
            return false;
        }
        int released = jdbc.update("UPDATE shedlock SET lock_until = locked_at WHERE name = ? AND locked_by = ? "
                + "AND lock_until = ?", name, holder.get().lockedBy(),
                LocalDateTime.ofInstant(holder.get().until(), ZoneOffset.UTC));
        if (released == 1) {
            LOG.warn("lock {} was held by {}, a process of this host that is gone: released", name,
                    holder.get().lockedBy());
        }
        return released == 1;
    }

    @Override
    public void destroy() {
        extender.shutdownNow();
    }

    /** Who holds a lock: {@code host:pid}, and until when unless extended. */
    public record Holder(String lockedBy, Instant until) {

        /**
         * Whether the lock is held at {@code now} (this machine's clock). A released lock keeps its last holder with
         * an expiry of the database's "now" at release, which the database may round a moment past this machine's
         * clock; a live holder keeps its expiry minutes ahead. So an expiry within the next second reads as free.
         */
        public boolean heldAt(Instant now) {
            return until.isAfter(now.plusSeconds(1));
        }

        boolean isDeadProcessOfThisHost() {
            int colon = lockedBy.lastIndexOf(':');
            if (colon < 0 || !lockedBy.substring(0, colon).equals(ThisProcess.HOST)) {
                return false;
            }
            try {
                long pid = Long.parseLong(lockedBy.substring(colon + 1));
                return pid != ThisProcess.PID && !ThisProcess.isAlive(pid);
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    /** A held lock: extended in the background until {@link #close()} releases it. */
    public final class HeldLock implements AutoCloseable {

        private final String name;
        private SimpleLock lock;
        private final ScheduledFuture<?> extension;
        private boolean released;

        private HeldLock(String name, SimpleLock lock) {
            this.name = name;
            this.lock = lock;
            long every = properties.extendEvery().toMillis();
            this.extension = extender.scheduleWithFixedDelay(this::extendQuietly, every, every, TimeUnit.MILLISECONDS);
        }

        public String name() {
            return name;
        }

        /** Pushes the expiry to at-most-for from now. @return false when the lock was lost (it had expired) */
        public synchronized boolean extend() {
            if (released) {
                return false;
            }
            Optional<SimpleLock> extended = lock.extend(properties.atMostFor(), Duration.ZERO);
            extended.ifPresent(next -> lock = next);
            return extended.isPresent();
        }

        private void extendQuietly() {
            try {
                if (!extend()) {
                    LOG.error("lock {} could not be extended: it expired (database unreachable longer than "
                            + "filemail.lock.at-most-for?); another launch may now start", name);
                }
            } catch (RuntimeException e) {
                LOG.warn("extending lock {} failed; retrying", name, e);
            }
        }

        @Override
        public synchronized void close() {
            if (released) {
                return;
            }
            released = true;
            extension.cancel(false);
            try {
                lock.unlock();
            } catch (RuntimeException e) {
                LOG.warn("releasing lock {} failed; it expires by itself", name, e);
            }
        }
    }
}
