package com.filemailbatch.jobs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code schedule_state}: the last time each definition's schedule fired (or was made up), shared by every serve. */
@Repository
public class ScheduleStateRepository {

    private final JdbcTemplate jdbc;

    ScheduleStateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Instant> lastFire(String definition) {
        return jdbc.query("SELECT last_fire_at FROM schedule_state WHERE definition = ?",
                (rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant(), definition).stream().findFirst();
    }

    public void recordFire(String definition, Instant at) {
        OffsetDateTime time = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        if (jdbc.update("UPDATE schedule_state SET last_fire_at = ? WHERE definition = ?", time, definition) == 0) {
            try {
                jdbc.update("INSERT INTO schedule_state (definition, last_fire_at) VALUES (?, ?)", definition, time);
            } catch (DuplicateKeyException insertedMeanwhile) {
                jdbc.update("UPDATE schedule_state SET last_fire_at = ? WHERE definition = ?", time, definition);
            }
        }
    }
}
