package com.filemailbatch.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.liveness.RunLock.HeldLock;
import com.filemailbatch.support.FilemailBatchTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code runLock} in health, on the real lock table: each job's lock, free, or held by this process until when. */
@FilemailBatchTest
class RunLockHealthIndicatorTest {

    @Autowired
    RunLockHealthIndicator indicator;

    @Autowired
    RunLock lock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noLocks() {
        jdbc.update("UPDATE shedlock SET lock_until = locked_at");
    }

    @Test
    void eachJobsLockIsFreeOrHeldByWhomUntilWhen() {
        try (HeldLock held = lock.tryAcquire("sendTransfersJob").orElseThrow()) {
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsOnlyKeys("cleanupStaleTransfersJob", "sendTransfersJob");
            assertThat(health.getDetails().get("cleanupStaleTransfersJob")).isEqualTo(Map.of("state", "free"));
            @SuppressWarnings("unchecked")
            Map<String, Object> send = (Map<String, Object>) health.getDetails().get("sendTransfersJob");
            assertThat(send).containsEntry("state", "held")
                    .containsEntry("by", ThisProcess.HOST + ":" + ThisProcess.PID)
                    .containsKey("until");
        }

        assertThat(indicator.health().getDetails().get("sendTransfersJob")).as("released")
                .isEqualTo(Map.of("state", "free"));
    }
}
