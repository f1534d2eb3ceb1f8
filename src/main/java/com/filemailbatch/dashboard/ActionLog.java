package com.filemailbatch.dashboard;

import com.filemailbatch.text.ColumnText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code dashboard_action}: the operator actions, recorded as asked and completed with their result. */
@Repository
public class ActionLog {

    private final JdbcTemplate jdbc;

    ActionLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One action as recorded. */
    public record Action(long id, Instant requestedAt, String username, String action, String target, String status,
            String result, Long executionId, Instant endedAt) {
    }

    /** Records an action asked for, before it is carried out. @return its id */
    long asked(Instant at, String username, String action, String target) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO dashboard_action (requested_at, username, action, "
                    + "target, status) VALUES (?, ?, ?, ?, 'ASKED')", new String[] {"id"});
            insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setString(2, ColumnText.cut(username, 255));
            insert.setString(3, action);
            insert.setString(4, ColumnText.cut(target, 500));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /** The action's result: DONE, REFUSED or FAILED, with what it said and the run it started or touched. */
    void ended(long id, Instant at, String status, String result, Long executionId) {
        jdbc.update("UPDATE dashboard_action SET status = ?, result = ?, job_execution_id = ?, ended_at = ? "
                + "WHERE id = ?", status, ColumnText.cut(result, 1000), executionId,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC), id);
    }

    /** Newest first. */
    public List<Action> latest(int limit) {
        return jdbc.query("SELECT id, requested_at, username, action, target, status, result, job_execution_id, "
                + "ended_at FROM dashboard_action ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                ActionLog::action);
    }

    private static Action action(ResultSet rs, int row) throws SQLException {
        long execution = rs.getLong("job_execution_id");
        Long executionId = rs.wasNull() ? null : execution;
        return new Action(rs.getLong("id"), instant(rs, "requested_at"), rs.getString("username"),
                rs.getString("action"), rs.getString("target"), rs.getString("status"), rs.getString("result"),
                executionId, instant(rs, "ended_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

}
