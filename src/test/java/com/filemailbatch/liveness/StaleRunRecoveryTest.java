package com.filemailbatch.liveness;

import static com.filemailbatch.support.Processes.deadPid;
import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.liveness.StaleRunRecovery.Recovery;
import com.filemailbatch.support.FilemailBatchTest;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stuck runs: which executions left STARTED are recovered (marked FAILED with a description) and which are left
 * alone because their process lives. On H2 here, on PostgreSQL in {@link StaleRunRecoveryPostgresTest}.
 */
@FilemailBatchTest
class StaleRunRecoveryTest {

    /** A job name of its own, so that other tests' executions never show up in recoverAbandoned. */
    private String jobName;

    @Autowired
    StaleRunRecovery recovery;

    @Autowired
    JobRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void ownJobName() {
        jobName = "stuckTestJob" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("UPDATE shedlock SET lock_until = locked_at");
    }

    @Test
    void aRunOfAKilledProcessOfThisHostIsMarkedFailedWithTheReason() {
        long id = started(ThisProcess.HOST, deadPid(), OffsetDateTime.now(ZoneOffset.UTC));

        Recovery result = recovery.recover(id);

        assertThat(result.result()).isEqualTo(Recovery.Result.RECOVERED);
        JobExecution execution = repository.getJobExecution(id);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getEndTime()).isNotNull();
        assertThat(execution.getExitStatus().getExitDescription()).contains("recovered: left STARTED by process",
                "which is gone", "restarts it where it stopped");
    }

    @Test
    void aRunWhoseProcessLivesIsRefused() {
        long livePid = ProcessHandle.current().parent().orElseThrow().pid();
        long id = started(ThisProcess.HOST, livePid, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));

        Recovery result = recovery.recover(id);

        assertThat(result.result()).isEqualTo(Recovery.Result.OWNER_ALIVE);
        assertThat(result.owner()).get().extracting(RunOwner::pid).isEqualTo(livePid);
        assertThat(repository.getJobExecution(id).getStatus()).isEqualTo(BatchStatus.STARTED);
    }

    @Test
    void anotherHostsRunCountsAsAliveWhileItsHeartbeatIsFresh() {
        long fresh = started("elsewhere.example", 4242, OffsetDateTime.now(ZoneOffset.UTC));
        long stale = started("elsewhere.example", 4243, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5));

        assertThat(recovery.recover(fresh).result()).isEqualTo(Recovery.Result.OWNER_ALIVE);
        assertThat(recovery.recover(stale).result()).isEqualTo(Recovery.Result.RECOVERED);
    }

    @Test
    void anotherHostsRunWithAStaleHeartbeatCountsAsAliveWhileThatHostHoldsTheLock() {
        long id = started("elsewhere.example", 4242, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5));
        LocalDateTime later = LocalDateTime.now(ZoneOffset.UTC).plusHours(1);
        if (jdbc.update("UPDATE shedlock SET lock_until = ?, locked_by = ? WHERE name = ?", later,
                "elsewhere.example:4242", jobName) == 0) {
            jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, ?)", jobName,
                    later, LocalDateTime.now(ZoneOffset.UTC), "elsewhere.example:4242");
        }

        assertThat(recovery.recover(id).result()).isEqualTo(Recovery.Result.OWNER_ALIVE);
    }

    @Test
    void onlyStartedOrStoppingRunsAreRecovered() {
        long id = started(ThisProcess.HOST, deadPid(), OffsetDateTime.now(ZoneOffset.UTC));
        assertThat(recovery.recover(id).result()).isEqualTo(Recovery.Result.RECOVERED);

        assertThat(recovery.recover(id).result()).as("now FAILED").isEqualTo(Recovery.Result.NOT_RUNNING);
        assertThat(recovery.recover(987_654_321L).result()).isEqualTo(Recovery.Result.NOT_FOUND);
    }

    @Test
    void beforeALaunchEveryAbandonedRunOfTheJobIsRecoveredAndLiveOnesAreNot() {
        long dead = started(ThisProcess.HOST, deadPid(), OffsetDateTime.now(ZoneOffset.UTC));
        long noOwner = started(null, 0, null);
        long live = started(ThisProcess.HOST, ProcessHandle.current().parent().orElseThrow().pid(),
                OffsetDateTime.now(ZoneOffset.UTC));

        assertThat(recovery.recoverAbandoned(jobName)).containsExactly(dead, noOwner);

        assertThat(repository.getJobExecution(dead).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(repository.getJobExecution(noOwner).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(repository.getJobExecution(live).getStatus()).isEqualTo(BatchStatus.STARTED);
    }

    /** An execution left STARTED, owned by that process (no owner row when host is null). */
    private long started(String host, long pid, OffsetDateTime heartbeat) {
        JobParameters parameters = new JobParametersBuilder().addString("run", UUID.randomUUID().toString())
                .toJobParameters();
        JobInstance instance = repository.createJobInstance(jobName, parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(LocalDateTime.now());
        repository.update(execution);
        if (host != null) {
            jdbc.update("INSERT INTO run_owner (job_execution_id, host, pid, started_at, heartbeat_at) "
                    + "VALUES (?, ?, ?, ?, ?)", execution.getId(), host, pid, heartbeat, heartbeat);
        }
        return execution.getId();
    }
}
