package com.filemailbatch.liveness;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code run_owner}. */
@Repository
class RunOwnerRepository {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RunOwnerRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void claim(long jobExecutionId) {
        OffsetDateTime now = now();
        jdbc.update("INSERT INTO run_owner (job_execution_id, host, pid, started_at, heartbeat_at) "
                + "VALUES (?, ?, ?, ?, ?)", jobExecutionId, ThisProcess.HOST, ThisProcess.PID, now, now);
    }

    void heartbeat(long jobExecutionId) {
        jdbc.update("UPDATE run_owner SET heartbeat_at = ? WHERE job_execution_id = ?", now(), jobExecutionId);
    }

    Optional<RunOwner> find(long jobExecutionId) {
        return jdbc.query("SELECT job_execution_id AS jobExecutionId, host, pid, started_at AS startedAt, "
                + "heartbeat_at AS heartbeatAt FROM run_owner WHERE job_execution_id = ?",
                new DataClassRowMapper<>(RunOwner.class), jobExecutionId).stream().findFirst();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
