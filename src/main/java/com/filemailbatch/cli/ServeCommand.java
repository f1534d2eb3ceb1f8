package com.filemailbatch.cli;

import com.filemailbatch.terminal.Visible;
import com.filemailbatch.ExitCodes;
import com.filemailbatch.startup.ContextScope;
import com.filemailbatch.dashboard.DashboardDefinitions;
import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.JobDefinitionLoader;
import com.filemailbatch.jobs.JobDefinitionLoader.JobDefinitionException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import com.filemailbatch.launch.GracefulStop;
import com.filemailbatch.serve.ServeLoop;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the long-running scheduler of every definition in {@code jobs/}, with health, info and metrics. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs every job definition of the jobs directory on its cron schedule until stopped.",
                "At start: runs left STARTED by a process that is gone are marked failed (their next launch resumes "
                        + "them), and a definition whose schedule fired while nothing was serving it is run once "
                        + "(once, however many fire times were missed).",
                "One run at a time per job: a launch while another run of the same job is in progress (here, in "
                        + "another process or on another machine sharing the database) does not start; it is "
                        + "logged and counted (filemail.batch.launches.skipped, reason=locked).",
                "Launches run one after another; each is a console line and a log line with its outcome.",
                "Notifications (notify.* keys of each definition, or filemail.notify.*): each run's end is written to "
                        + "the outbox and delivered by webhook or e-mail with retries, beside the launches; a "
                        + "definition with a deadline that has not completed a run in time is said and notified "
                        + "once as missed. See docs/notifications.md.",
                "The dashboard on http://127.0.0.1:PORT/ (--address, --port; users and roles: docs/dashboard.md), "
                        + "and beside it, open to monitoring: /actuator/health (db, runLock, schedules, "
                        + "outbox, diskSpace), /actuator/info (build version), /actuator/prometheus and "
                        + "/actuator/metrics (filemail.batch.* meters: API calls, retries, bytes uploaded, rows by "
                        + "outcome, ledger rows by status, launches, last success per definition, notifications; "
                        + "Spring Batch's spring.batch.*). See docs/operations.md, Monitoring.",
                "JSON log lines (each with the run id and step): LOGGING_STRUCTURED_FORMAT_FILE=ecs (or logstash, "
                        + "gelf).",
                "SIGTERM or Ctrl-C: no new launch; a running job stops after its chunk in flight (exit 2, its next "
                        + "launch resumes it); idle, serve exits 0.",
                "Job definitions (keys job, schedule, zone, input or inbox, stale-after, deadline, notify.*): see "
                        + "docs/job-definitions.md. Settings as for every command: FILEMAIL_API_KEY, "
                        + "SPRING_DATASOURCE_URL / _USERNAME / _PASSWORD (PostgreSQL when several machines share the database), "
                        + "FILEMAIL_LOCK_AT_MOST_FOR (default PT2M)."})
final class ServeCommand extends FilemailCommand {

    @Option(names = "--jobs", paramLabel = "DIR", defaultValue = "jobs",
            description = "The directory of job definitions (*.properties; default: ${DEFAULT-VALUE}). "
                    + "Definitions without a schedule are left to run --job.")
    Path jobsDirectory;

    @Mixin
    WebServerOptions web;

    /** Every definition of the directory, for the dashboard; {@link #definitions} are those with a schedule. */
    private List<JobDefinition> loaded;
    private List<JobDefinition> definitions;

    ServeCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.of(ExitCodes.OK, ExitCodes.JOB_FAILED, ExitCodes.USAGE, ExitCodes.CONFIG)
                .with(ExitCodes.OK, "stopped by SIGTERM while idle")
                .with(ExitCodes.JOB_FAILED, "stopped by SIGTERM during a launch (it resumes next time)")
                .with(ExitCodes.USAGE, "invalid job definition, no scheduled definition, or bad option")
                .with(ExitCodes.CONFIG, "configuration error (no API key without --sandbox, database unreachable, port "
                        + "in use, e-mail without SMTP server, no dashboard user while answering beyond loopback)");
    }

    @Override
    void checkArguments() {
        web.check();
        definitions = scheduledDefinitions();
    }

    @Override
    boolean needsApi() {
        return true;
    }

    @Override
    ContextScope scope() {
        return ContextScope.WEB;
    }

    @Override
    List<String> properties() {
        return web.properties();
    }

    /** Returns only when interrupted: serve ends by its shutdown hook, which closes the application and exits. */
    @Override
    int call(ConfigurableApplicationContext context) throws Exception {
        NotificationChecks.check(context, definitions);
        context.getBean(DashboardDefinitions.class).set(loaded);
        String url = web.url(context);
        out.println("Serving " + definitions.size() + " job definition(s) from " + jobsDirectory + "; health: " + url
                + "actuator/health");
        out.println("Dashboard: " + url);
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        // One launch at a time: the JVM-wide SIGTERM handling of a launch assumes it is the only one running.
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("filemail-batch-serve-");
        scheduler.initialize();
        ThreadPoolTaskScheduler background = new ThreadPoolTaskScheduler();
        background.setPoolSize(1);
        background.setThreadNamePrefix("filemail-batch-notify-");
        background.setDaemon(true);
        background.initialize();
        ServeLoop loop = new ServeLoop(context, definitions, out, err);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(loop, scheduler, background),
                "filemail-batch-serve-stop"));
        loop.start(scheduler, background);
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }

    /**
     * SIGTERM: nothing new starts. A running job is stopped by its own {@link GracefulStop}, which closes the
     * application and exits 2 once the run has stopped; here we wait for the launch in progress to return, then close
     * and exit: 0 when serve was idle, 2 when a launch was in progress.
     */
    private void stop(ServeLoop loop, ThreadPoolTaskScheduler scheduler, ThreadPoolTaskScheduler background) {
        boolean running = loop.stop();
        scheduler.getScheduledExecutor().shutdown();
        // A delivery in flight is abandoned: its notification stays claimed, and is retried once the claim expires.
        background.getScheduledExecutor().shutdownNow();
        out.println("Stopping serve: no new launches" + (running ? "; the running job stops after its chunk in flight"
                : "") + ".");
        long deadline = System.nanoTime() + GracefulStop.GRACE.plusMinutes(1).toNanos();
        while (loop.launching() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closeApplication();
        out.flush();
        Runtime.getRuntime().halt(running ? ExitCodes.JOB_FAILED : ExitCodes.OK);
    }

    private List<JobDefinition> scheduledDefinitions() {
        List<JobDefinition> scheduled = new ArrayList<>();
        try {
            loaded = JobDefinitionLoader.loadAll(jobsDirectory);
            for (JobDefinition definition : loaded) {
                if (definition.schedule() == null) {
                    err.println("Note: " + Visible.text(definition.file()) + " has no schedule; run it with: run --job "
                            + Visible.text(definition.file()));
                } else {
                    scheduled.add(definition);
                }
            }
        } catch (JobDefinitionException e) {
            throw new UsageException(e.getMessage());
        }
        if (scheduled.isEmpty()) {
            throw new UsageException("no job definition with a schedule in " + jobsDirectory);
        }
        return scheduled;
    }
}
