package com.filemailbatch.serve;

import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.DefinitionStateRepository;
import com.filemailbatch.jobs.MissedSchedule;
import com.filemailbatch.jobs.ScheduleStateRepository;
import com.filemailbatch.database.DatabaseCompaction;
import com.filemailbatch.launch.DefinitionRunner;
import com.filemailbatch.launch.FailureMessages;
import com.filemailbatch.launch.Launch;
import com.filemailbatch.launch.LaunchGate;
import com.filemailbatch.liveness.RunAdmission;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import com.filemailbatch.notifications.DeliveryLines;
import com.filemailbatch.notifications.MissedRuns;
import com.filemailbatch.notifications.NotificationDelivery;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * What {@code serve} does: recovers abandoned runs, makes up a missed schedule once per definition, then launches
 * every definition on its cron schedule. Each launch and its outcome is a console line, a log line and a counter.
 * Launches go through {@link DefinitionRunner}, so the run lock applies exactly as for {@code run}.
 */
public final class ServeLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ServeLoop.class);

    private final ConfigurableApplicationContext context;
    private final List<JobDefinition> definitions;
    private final DefinitionRunner runner;
    private final LaunchMetrics metrics;
    private final ScheduleStateRepository schedules;
    private final PrintStream out;
    private final Clock clock;
    private static final Duration DELIVERY_EVERY = Duration.ofSeconds(10);
    private static final Duration DEADLINES_EVERY = Duration.ofSeconds(30);

    private final AtomicBoolean launching = new AtomicBoolean();
    private volatile boolean stopping;

    public ServeLoop(ConfigurableApplicationContext context, List<JobDefinition> definitions, PrintStream out,
            PrintStream err) {
        this.context = context;
        this.definitions = definitions;
        this.runner = DefinitionRunner.of(context, out, err);
        this.metrics = new LaunchMetrics(context.getBean(MeterRegistry.class),
                context.getBean(DefinitionStateRepository.class));
        this.schedules = context.getBean(ScheduleStateRepository.class);
        this.out = out;
        this.clock = context.getBean(Clock.class);
    }

    /**
     * Recovers, makes up missed schedules, and schedules every definition on {@code scheduler}; on {@code background},
     * the notifications' delivery and the dead man's switch, which must not wait for a launch to end. The definitions
     * are shown in {@code /actuator/health} ({@link SchedulesHealthIndicator}).
     */
    public void start(TaskScheduler scheduler, TaskScheduler background) {
        context.getBeanProvider(HealthContributorRegistry.class).ifAvailable(health -> {
            health.unregisterContributor(SchedulesHealthIndicator.NAME);
            health.registerContributor(SchedulesHealthIndicator.NAME,
                    new SchedulesHealthIndicator(definitions, schedules,
                            context.getBean(DefinitionStateRepository.class), clock));
        });
        recoverAbandonedRuns();
        background.scheduleWithFixedDelay(this::deliverNotifications, DELIVERY_EVERY);
        background.scheduleWithFixedDelay(this::checkDeadlines, DEADLINES_EVERY);
        for (JobDefinition definition : definitions) {
            metrics.register(definition.name());
            Optional<ZonedDateTime> missed = missedFire(definition);
            missed.ifPresent(at -> {
                say("%s: its schedule fired at %s while nobody was serving it: making it up once now",
                        definition.name(), at);
                scheduler.schedule(() -> fire(definition, "missed"), clock.instant());
            });
            scheduler.schedule(() -> fire(definition, "schedule"),
                    new CronTrigger(definition.schedule(), definition.zone()));
            say("%s: %s on '%s' (%s)", definition.name(), definition.job().jobName(), definition.schedule(),
                    definition.zone());
        }
    }

    /** Delivers the notifications due; each attempt is a log line, each failed one a console line too. */
    void deliverNotifications() {
        DeliveryLines.print(context.getBean(NotificationDelivery.class).deliverDue(clock.instant().plus(DELIVERY_EVERY)),
                out);
    }

    /** The dead man's switch: each definition past its deadline is said once, and notified. */
    void checkDeadlines() {
        try {
            for (MissedRuns.Status status : context.getBean(MissedRuns.class).check(definitions)) {
                if (status.raised()) {
                    say("%s: missed: no run completed within %s of its fire time %s", status.definition().name(),
                            status.definition().deadline(), status.overdue().fire());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("the deadline check failed", e);
        }
    }

    /** The first fire time missed since the last recorded one; a definition served for the first time has none. */
    Optional<ZonedDateTime> missedFire(JobDefinition definition) {
        Optional<java.time.Instant> last = schedules.lastFire(definition.name());
        if (last.isEmpty()) {
            schedules.recordFire(definition.name(), clock.instant());
            return Optional.empty();
        }
        return MissedSchedule.since(definition.schedule(), definition.zone(), last.get(), clock.instant());
    }

    /** One launch of a definition, now. */
    List<Launch> fire(JobDefinition definition, String trigger) {
        if (stopping) {
            return List.of();
        }
        launching.set(true);
        try {
            schedules.recordFire(definition.name(), clock.instant());
            metrics.launched(definition.name(), trigger);
            say("%s: launch (%s)", definition.name(), trigger);
            List<Launch> launches = context.getBean(LaunchGate.class).oneAtATime(() -> runner.run(definition, null,
                    null, false));
            if (launches.isEmpty()) {
                say("%s: nothing to do", definition.name());
            }
            for (Launch launch : launches) {
                metrics.ended(definition.name(), launch);
                say("%s: %s%s", definition.name(), launch.outcome().tag().replace('_', ' '),
                        launch.executionId() == null ? "" : " (execution " + launch.executionId() + ")");
            }
            return launches;
        } catch (Exception | Error e) {
            metrics.crashed(definition.name());
            LOG.error("launch of {} failed", definition.name(), e);
            say("%s: error: %s", definition.name(), FailureMessages.rootMessage(e));
            return List.of();
        } finally {
            // Between launches the embedded database can be rewritten: serve keeps it open for days.
            DatabaseCompaction.betweenRuns(context, out);
            launching.set(false);
        }
    }

    /** Each job's runs left STARTED by a dead process, recovered on admission, which is then given back. */
    private void recoverAbandonedRuns() {
        RunAdmission admission = context.getBean(RunAdmission.class);
        definitions.stream().map(definition -> definition.job().jobName()).distinct().forEach(jobName -> {
            Optional<RunAdmission.Admitted> admitted = admission.tryAdmit(jobName);
            if (admitted.isEmpty()) {
                return; // Another process runs this job now: its runs are alive, or it recovers them itself.
            }
            try (RunAdmission.Admitted held = admitted.get()) {
                held.recovered().forEach(id -> say("%s: run %d was left unfinished by a process that is gone: marked "
                        + "failed; its next launch resumes it", jobName, id));
            }
        });
    }

    /** SIGTERM: no new launch starts. @return whether a launch is running (its own stop handles it) */
    public boolean stop() {
        stopping = true;
        return launching();
    }

    /** Whether a launch is running now: a scheduled one, or one an operator started from the dashboard. */
    public boolean launching() {
        return launching.get() || context.getBean(LaunchGate.class).busy();
    }

    private void say(String format, Object... arguments) {
        String line = String.format(format, arguments);
        out.println(LocalTime.now(clock.withZone(java.time.ZoneId.systemDefault())).truncatedTo(ChronoUnit.SECONDS)
                + " " + line);
        LOG.info(line);
    }
}
