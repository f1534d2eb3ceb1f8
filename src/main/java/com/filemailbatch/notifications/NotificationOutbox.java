package com.filemailbatch.notifications;

import com.filemailbatch.jobs.NotifyEvent;
import com.filemailbatch.liveness.ThisProcess;
import com.filemailbatch.text.ColumnText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code notification_outbox}, and its only reader and writer: notifications are added, claimed for one attempt at a
 * time (so that two processes never attempt the same one at once), and marked delivered, retried later or given up.
 */
@Repository
public class NotificationOutbox {

    private static final String SELECT = "SELECT id, event_key, event, definition, job_execution_id, channel, target, "
            + "format, notice, status, attempts, created_at, next_attempt_at, delivered_at, last_error "
            + "FROM notification_outbox ";

    private final JdbcTemplate jdbc;

    NotificationOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the entry, pending. @return false when one with its event key was added before (nothing is added) */
    boolean add(OutboxEntry entry) {
        try {
            jdbc.update("INSERT INTO notification_outbox (id, event_key, event, definition, job_execution_id, channel, "
                    + "target, format, notice, status, attempts, created_at, next_attempt_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", entry.id(), entry.eventKey(),
                    entry.event().name(), entry.definition(), entry.executionId(), entry.channel().name(),
                    entry.target(), entry.format(), entry.notice(), OutboxStatus.PENDING.name(),
                    time(entry.createdAt()), time(entry.createdAt()));
            return true;
        } catch (DuplicateKeyException raisedBefore) {
            return false;
        }
    }

    /**
     * The pending entries due by {@code now}, oldest first, and those whose attempt was claimed by a process of this
     * host that is gone (killed in the middle of it).
     */
    List<OutboxEntry> due(Instant now, int limit) {
        List<OutboxEntry> due = new ArrayList<>(jdbc.query(SELECT + "WHERE status = ? AND next_attempt_at <= ? "
                + "ORDER BY next_attempt_at, id FETCH FIRST " + limit + " ROWS ONLY", NotificationOutbox::entry,
                OutboxStatus.PENDING.name(), time(now)));
        jdbc.query("SELECT id, claimed_by FROM notification_outbox WHERE status = ? AND next_attempt_at > ? AND "
                + "claimed_by IS NOT NULL", rs -> {
                    if (ThisProcess.isGone(rs.getString(2))) {
                        find(rs.getString(1)).ifPresent(due::add);
                    }
                }, OutboxStatus.PENDING.name(), time(now));
        return due;
    }

    /**
     * Takes the entry for one attempt: counts it, and moves its next attempt to {@code leaseUntil}, so that neither
     * another process nor a crash in the middle makes it sent twice at once; a crash leaves it to be retried then.
     *
     * @return whether this caller has it (false: another process took it first)
     */
    boolean claim(OutboxEntry entry, Instant leaseUntil) {
        return jdbc.update("UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = ?, claimed_by = ? "
                + "WHERE id = ? AND status = ? AND attempts = ?", time(leaseUntil), ThisProcess.id(), entry.id(),
                OutboxStatus.PENDING.name(), entry.attempts()) == 1;
    }

    /** Every pending entry due by {@code now}, whatever its backoff said. */
    void allDueBy(Instant now) {
        jdbc.update("UPDATE notification_outbox SET next_attempt_at = ? WHERE status = ? AND next_attempt_at > ?",
                time(now), OutboxStatus.PENDING.name(), time(now));
    }

    void delivered(String id, Instant at) {
        jdbc.update("UPDATE notification_outbox SET status = ?, delivered_at = ?, last_error = NULL, claimed_by = NULL "
                + "WHERE id = ?",
                OutboxStatus.DELIVERED.name(), time(at), id);
    }

    void retryAt(String id, Instant next, String error) {
        jdbc.update("UPDATE notification_outbox SET next_attempt_at = ?, last_error = ?, claimed_by = NULL "
                + "WHERE id = ?", time(next), ColumnText.cut(error, 1000), id);
    }

    void giveUp(String id, String error) {
        jdbc.update("UPDATE notification_outbox SET status = ?, last_error = ?, claimed_by = NULL WHERE id = ?",
                OutboxStatus.GIVEN_UP.name(), ColumnText.cut(error, 1000), id);
    }

    /** Newest first; {@code status} null for all. */
    public List<OutboxEntry> list(OutboxStatus status, int limit) {
        List<Object> arguments = new ArrayList<>();
        String where = "";
        if (status != null) {
            where = "WHERE status = ? ";
            arguments.add(status.name());
        }
        return jdbc.query(SELECT + where + "ORDER BY created_at DESC, id FETCH FIRST " + limit + " ROWS ONLY",
                NotificationOutbox::entry, arguments.toArray());
    }

    public Optional<OutboxEntry> find(String id) {
        return jdbc.query(SELECT + "WHERE id = ?", NotificationOutbox::entry, id).stream().findFirst();
    }

    /** How many are pending, and since when the oldest is. */
    public Backlog backlog() {
        return jdbc.queryForObject("SELECT COUNT(*), MIN(created_at), (SELECT COUNT(*) FROM notification_outbox "
                + "WHERE status = ?) FROM notification_outbox WHERE status = ?", (rs, i) -> new Backlog(rs.getLong(1),
                        instant(rs, 2), rs.getLong(3)), OutboxStatus.GIVEN_UP.name(), OutboxStatus.PENDING.name());
    }

    /**
     * Deletes the delivered and given-up notifications raised before {@code cutoff}, in the caller's transaction:
     * {@code purge}'s part. Pending ones stay, whatever their age. @return how many
     */
    public int deleteEndedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM notification_outbox WHERE status <> ? AND created_at < ?",
                OutboxStatus.PENDING.name(), time(cutoff));
    }

    /**
     * The outbox's backlog.
     *
     * @param pending       notifications not delivered yet
     * @param oldestPending when the oldest of them was raised, or null
     * @param givenUp       notifications no longer tried
     */
    public record Backlog(long pending, Instant oldestPending, long givenUp) {
    }

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        long execution = rs.getLong("job_execution_id");
        Long executionId = rs.wasNull() ? null : execution;
        return new OutboxEntry(rs.getString("id"), rs.getString("event_key"), NotifyEvent.valueOf(rs.getString("event")),
                rs.getString("definition"), executionId, Channel.valueOf(rs.getString("channel")),
                rs.getString("target"), rs.getString("format"), rs.getString("notice"),
                OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "created_at"),
                instant(rs, "next_attempt_at"), instant(rs, "delivered_at"), rs.getString("last_error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
