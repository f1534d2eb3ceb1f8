package com.filemailbatch.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code definition_state}: when each definition last completed, and the dead man's switch's memory. */
@Repository
public class DefinitionStateRepository {

    private static final String SELECT = "SELECT definition, watched_since, last_success_at, missed_fire_at "
            + "FROM definition_state ";

    private final JdbcTemplate jdbc;

    DefinitionStateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The definition's state, created (watched from {@code now}) when it had none. */
    public DefinitionState watch(String definition, Instant now) {
        insertIfAbsent(definition, now);
        return find(definition).orElseThrow();
    }

    public Optional<DefinitionState> find(String definition) {
        return jdbc.query(SELECT + "WHERE definition = ?", DefinitionStateRepository::state, definition).stream()
                .findFirst();
    }

    public List<DefinitionState> all() {
        return jdbc.query(SELECT + "ORDER BY definition", DefinitionStateRepository::state);
    }

    /** A run of the definition completed at {@code at}. */
    public void recordSuccess(String definition, Instant at) {
        insertIfAbsent(definition, at);
        jdbc.update("UPDATE definition_state SET last_success_at = ? WHERE definition = ?", time(at), definition);
    }

    /**
     * Marks the miss of {@code fire} raised. @return true for the one caller that marked it, false when another
     * process (or an earlier check) already had: a miss is raised once.
     */
    public boolean markMissed(String definition, Instant fire) {
        return jdbc.update("UPDATE definition_state SET missed_fire_at = ? WHERE definition = ? AND (missed_fire_at IS "
                + "NULL OR missed_fire_at < ?)", time(fire), definition, time(fire)) == 1;
    }

    private void insertIfAbsent(String definition, Instant now) {
        if (find(definition).isPresent()) {
            return;
        }
        try {
            jdbc.update("INSERT INTO definition_state (definition, watched_since) VALUES (?, ?)", definition,
                    time(now));
        } catch (DuplicateKeyException insertedMeanwhile) {
            // Another process watches it since a moment ago: its time stands.
        }
    }

    private static DefinitionState state(ResultSet rs, int row) throws SQLException {
        return new DefinitionState(rs.getString(1), instant(rs, 2), instant(rs, 3), instant(rs, 4));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
