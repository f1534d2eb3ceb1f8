package com.filemailbatch.dashboard;

import com.filemailbatch.cleanup.CleanupJobParameters;
import com.filemailbatch.filemail.FilemailProperties;
import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.launch.DefinitionRunner;
import com.filemailbatch.launch.JobRunner;
import com.filemailbatch.launch.Launch;
import com.filemailbatch.launch.LaunchGate;
import com.filemailbatch.ledger.LedgerEntry;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.ledger.TransferStatus;
import com.filemailbatch.liveness.RunStopper;
import com.filemailbatch.notifications.NotificationDelivery;
import com.filemailbatch.liveness.StaleRunRecovery;
import com.filemailbatch.terminal.Visible;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What an operator can do from the dashboard, each through the code the command line runs (the same lock, the same
 * rules, the same outcomes), and each recorded in {@link ActionLog} before it is carried out and again with its
 * result. Launches (restart, launch now, cancel) run one at a time on a thread of their own, behind the
 * {@link LaunchGate}; stopping and recovering answer at once.
 */
@Component
public class OperatorActions implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorActions.class);

    private final ConfigurableApplicationContext context;
    private final ActionLog log;
    private final JobRepository jobs;
    private final DashboardDefinitions definitions;
    private final Clock clock;
    private final ExecutorService launches = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "filemail-batch-dashboard-launch");
        thread.setDaemon(true);
        return thread;
    });

    OperatorActions(ConfigurableApplicationContext context, ActionLog log, JobRepository jobs,
            DashboardDefinitions definitions, Clock clock) {
        this.context = context;
        this.log = log;
        this.jobs = jobs;
        this.definitions = definitions;
        this.clock = clock;
    }

    /** What the operator is told at once. @param accepted false when refused */
    public record Answer(boolean accepted, String message) {
    }

    /** Restarts a failed or stopped run where it stopped, as running the same command again does. */
    public Answer restart(String user, long executionId) {
        long id = log.asked(clock.instant(), user, "restart", "run " + executionId);
        JobExecution run = jobs.getJobExecution(executionId);
        if (run == null) {
            return refuse(id, "there is no run " + executionId);
        }
        if (run.getStatus() != BatchStatus.FAILED && run.getStatus() != BatchStatus.STOPPED) {
            return refuse(id, "run " + executionId + " is " + run.getStatus() + ": only a FAILED or STOPPED run is "
                    + "restarted");
        }
        if ("true".equals(run.getJobParameters().getString("dryRun"))) {
            return refuse(id, "run " + executionId + " is a dry run: run it again from the command line instead");
        }
        String jobName = run.getJobInstance().getJobName();
        JobExecution last = jobs.getLastJobExecution(jobName, run.getJobParameters());
        if (last != null && last.getId() != executionId) {
            return refuse(id, "run " + executionId + " was restarted already, as run " + last.getId());
        }
        return launch(id, "restart of run " + executionId, (out, err) -> List.of(new JobRunner(context, out, err)
                .launch(jobName, run.getJobParameters(), "restart of run " + executionId, true)));
    }

    /** Asks a running run to stop after its chunk in flight, as SIGTERM does; it can be restarted. */
    public Answer stop(String user, long executionId) {
        long id = log.asked(clock.instant(), user, "stop", "run " + executionId);
        JobExecution run = jobs.getJobExecution(executionId);
        if (run == null) {
            return refuse(id, "there is no run " + executionId);
        }
        if (!run.isRunning()) {
            return refuse(id, "run " + executionId + " is " + run.getStatus() + ": not running");
        }
        boolean asked = context.getBean(RunStopper.class).requestStop(run.getJobInstance().getJobName(),
                run.getJobParameters());
        return asked ? done(id, "run " + executionId + " stops after its chunk in flight; restart it to resume",
                executionId) : refuse(id, "run " + executionId + " had ended meanwhile");
    }

    /** Marks a run left STARTED by a process that is gone as FAILED, as {@code recover} does. */
    public Answer recover(String user, long executionId) {
        long id = log.asked(clock.instant(), user, "recover", "run " + executionId);
        StaleRunRecovery.Recovery recovery = context.getBean(StaleRunRecovery.class).recover(executionId);
        return switch (recovery.result()) {
            case RECOVERED -> done(id, "run " + executionId + " marked FAILED: restart it to resume where it stopped",
                    executionId);
            case NOT_FOUND -> refuse(id, "there is no run " + executionId);
            case NOT_RUNNING -> refuse(id, "run " + executionId + " is " + recovery.execution().getStatus()
                    + ", not STARTED or STOPPING: nothing to recover");
            case OWNER_ALIVE -> refuse(id, "run " + executionId + " is alive: process " + recovery.owner().get().pid()
                    + " on " + recovery.owner().get().host() + " runs it");
        };
    }

    /** Runs a job definition now, as {@code run --job} does. */
    public Answer launchNow(String user, String definitionName) {
        long id = log.asked(clock.instant(), user, "launch", "definition " + definitionName);
        JobDefinition definition = definitions.named(definitionName).orElse(null);
        if (definition == null) {
            return refuse(id, "there is no job definition " + definitionName + " here");
        }
        return launch(id, "launch of " + definitionName, (out, err) -> DefinitionRunner.of(context, out, err)
                .run(definition, null, null, false));
    }

    /** Cancels one transfer at Filemail, as {@code cleanup --reference} does: a cleanup run of its own. */
    public Answer cancel(String user, String reference) {
        long id = log.asked(clock.instant(), user, "cancel", "transfer " + reference);
        TransferStatus status = context.getBean(LedgerRepository.class).find(reference).map(LedgerEntry::status)
                .orElse(null);
        if (status == null) {
            return refuse(id, "no transfer of reference " + reference + " is recorded");
        }
        if (status != TransferStatus.INITIALIZED && status != TransferStatus.UPLOADING) {
            return refuse(id, "the transfer of " + reference + " is " + status + ": only an INITIALIZED or UPLOADING "
                    + "transfer can be cancelled");
        }
        return launch(id, "cancel of " + reference, (out, err) -> List.of(new JobRunner(context, out, err)
                .launch("cleanupStaleTransfersJob", CleanupJobParameters.of(clock.instant(), Duration.ofDays(1),
                        false, null, reference), "cancel of " + reference, true)));
    }

    @FunctionalInterface
    private interface LaunchWork {
        List<Launch> run(PrintStream out, PrintStream err) throws Exception;
    }

    private Answer launch(long id, String what, LaunchWork work) {
        if (context.getBean(FilemailProperties.class).apiKey().isBlank()) {
            return refuse(id, "this process has no Filemail API key (FILEMAIL_API_KEY): it cannot " + what);
        }
        launches.submit(() -> {
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            PrintStream printed = new PrintStream(lines, true, StandardCharsets.UTF_8);
            try {
                List<Launch> ended = context.getBean(LaunchGate.class).oneAtATime(() -> work.run(printed, printed));
                Launch last = ended.isEmpty() ? null : ended.get(ended.size() - 1);
                String result = last == null ? "nothing to do" : describe(last);
                log.ended(id, clock.instant(), last == null || last.exitCode() == 0 || last.exitCode() == 3 ? "DONE"
                        : "FAILED", result, last == null ? null : last.executionId());
                // Its notification is in the outbox; a dashboard without serve has no other deliverer running.
                context.getBean(NotificationDelivery.class).deliverBeforeExit();
            } catch (Exception | Error e) {
                LOG.error("dashboard action {} ({}) failed", id, what, e);
                log.ended(id, clock.instant(), "FAILED", Visible.text(String.valueOf(e.getMessage())), null);
            }
        });
        return new Answer(true, what + " started: see Actions for its result");
    }

    private static String describe(Launch launch) {
        return launch.outcome().tag().replace('_', ' ') + ", exit " + launch.exitCode()
                + (launch.executionId() == null ? "" : ", run " + launch.executionId())
                + (launch.failure() == null ? "" : ": " + Visible.text(launch.failure()));
    }

    private Answer refuse(long id, String why) {
        log.ended(id, clock.instant(), "REFUSED", why, null);
        return new Answer(false, why);
    }

    private Answer done(long id, String what, Long executionId) {
        log.ended(id, clock.instant(), "DONE", what, executionId);
        return new Answer(true, what);
    }

    @Override
    public void destroy() {
        launches.shutdownNow();
    }
}
