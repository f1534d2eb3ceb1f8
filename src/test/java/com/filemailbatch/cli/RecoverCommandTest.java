package com.filemailbatch.cli;

import static com.filemailbatch.support.Processes.deadPid;
import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.FilemailBatchApplication;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code recover EXECUTION_ID} as the operator types it, on a database of its own. */
class RecoverCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CommandLineSession cli = new CommandLineSession();

    @BeforeEach
    void ownDataDirectory() {
        cli.use(dir, ";WRITE_DELAY=0");
    }

    @Test
    void anUnknownExecutionIsAUsageError() {
        assertThat(cli.execute("recover", "42")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err().lines())
                .containsExactly("error: no execution 42 (see: filemail-batch history)");
    }

    @Test
    void aRunOfADeadProcessIsMarkedFailedOnceAndALiveOneIsRefused() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        long deadPid = deadPid();
        long livePid = ProcessHandle.current().parent().orElseThrow().pid();
        long dead;
        long live;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FilemailBatchApplication.class)
                .logStartupInfo(false).run()) {
            dead = stuck(context, host, deadPid);
            live = stuck(context, host, livePid);
        }

        assertThat(cli.execute("recover", String.valueOf(dead))).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("Execution " + dead + " marked FAILED: recovered: left STARTED by process "
                + deadPid + " on " + host + ", which is gone; the next launch of the same run restarts it where it "
                + "stopped" + System.lineSeparator());

        cli.reset();
        assertThat(cli.execute("recover", String.valueOf(dead))).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).isEqualTo("error: execution " + dead + " is FAILED, not STARTED or STOPPING: nothing to "
                + "recover" + System.lineSeparator());

        cli.reset();
        assertThat(cli.execute("recover", String.valueOf(live))).isEqualTo(ExitCodes.LOCKED);
        assertThat(cli.err()).isEqualTo("error: execution " + live + " is still running (process " + livePid + " on "
                + host + "); not recovered. Stop it with SIGTERM instead." + System.lineSeparator());
        assertThat(cli.out()).isEmpty();
    }

    private static long stuck(ConfigurableApplicationContext context, String host, long pid) {
        JobRepository repository = context.getBean(JobRepository.class);
        JobParameters parameters = new JobParametersBuilder().addString("input", "/in/" + UUID.randomUUID())
                .toJobParameters();
        JobInstance instance = repository.createJobInstance("sendTransfersJob", parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(LocalDateTime.now());
        repository.update(execution);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        context.getBean(JdbcTemplate.class).update("INSERT INTO run_owner (job_execution_id, host, pid, started_at, "
                + "heartbeat_at) VALUES (?, ?, ?, ?, ?)", execution.getId(), host, pid, now, now);
        return execution.getId();
    }

}
