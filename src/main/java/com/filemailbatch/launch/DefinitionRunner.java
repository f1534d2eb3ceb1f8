package com.filemailbatch.launch;

import com.filemailbatch.terminal.Visible;
import com.filemailbatch.ExitCodes;
import com.filemailbatch.cleanup.CleanupJobParameters;
import com.filemailbatch.launch.Launch.Outcome;
import com.filemailbatch.jobs.Inbox;
import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.send.SendJobParameters;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.time.Clock;
import com.filemailbatch.jobs.DefinitionStateRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job definition once: its input file, or each file of its inbox in name order (archived when its run
 * completed, moved to {@code error/} when the file itself is wrong, left in place when its run can resume). Used by
 * {@code run --job} and by every launch of {@code serve}.
 */
public final class DefinitionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DefinitionRunner.class);

    private final JobRunner runner;
    private final DefinitionStateRepository states;
    private final LaunchListener listener;
    private final Clock clock;
    private final PrintStream out;

    DefinitionRunner(JobRunner runner, DefinitionStateRepository states, LaunchListener listener, Clock clock,
            PrintStream out) {
        this.runner = runner;
        this.states = states;
        this.listener = listener;
        this.clock = clock;
        this.out = out;
    }

    /** The runner of {@code run --job} and serve: its runs are told to the application's {@link LaunchListener}. */
    public static DefinitionRunner of(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        return new DefinitionRunner(new JobRunner(context, out, err), context.getBean(DefinitionStateRepository.class),
                context.getBeanProvider(LaunchListener.class).getIfAvailable(() -> LaunchListener.NONE),
                context.getBean(Clock.class), out);
    }

    /**
     * @param date       the run date, or null for today in the definition's zone
     * @param staleAfter overrides the definition's, or null
     * @return one launch per run started or refused (none for an empty inbox)
     */
    public List<Launch> run(JobDefinition definition, LocalDate date, Duration staleAfter, boolean dryRun)
            throws Exception {
        List<Launch> launches;
        try {
            launches = launches(definition, date, staleAfter, dryRun);
        } catch (Exception e) {
            if (!dryRun) {
                listener.crashed(definition, e);
            }
            throw e;
        }
        if (!dryRun && definition.file() != null && launches.stream().allMatch(DefinitionRunner::completed)) {
            // What the dead man's switch and the last-success metric read.
            states.recordSuccess(definition.name(), clock.instant());
        }
        return launches;
    }

    /** Whether the launch leaves the definition's work done: an empty inbox does too. */
    private static boolean completed(Launch launch) {
        return switch (launch.outcome()) {
            case COMPLETED, COMPLETED_WITH_PROBLEMS, ALREADY_COMPLETE -> true;
            case STOPPED, FAILED, FAILED_INPUT, SKIPPED_LOCKED, SKIPPED_RUNNING -> false;
        };
    }

    private List<Launch> launches(JobDefinition definition, LocalDate date, Duration staleAfter, boolean dryRun)
            throws Exception {
        Duration stale = staleAfter != null ? staleAfter : definition.staleAfter();
        LocalDate runDate = date != null ? date : LocalDate.now(definition.zone());
        String jobName = definition.job().jobName();
        if (definition.job() == JobDefinition.Kind.CLEANUP) {
            return List.of(runner.launch(jobName, CleanupJobParameters.of(Instant.now(), stale, dryRun,
                    definition.file() == null ? null : definition.name(), null), "cleanup",
                    !dryRun, ended(definition, dryRun)));
        }
        if (definition.inbox() == null) {
            return List.of(send(definition, definition.input(), runDate, stale, dryRun));
        }
        Inbox inbox = new Inbox(definition.inbox());
        List<Path> files = inbox.pending();
        if (files.isEmpty()) {
            out.println("Inbox " + Visible.text(inbox.directory()) + ": no *.csv file waiting.");
        }
        List<Launch> launches = new ArrayList<>();
        for (Path file : files) {
            Launch launch = send(definition, file, runDate, stale, dryRun);
            launches.add(launch);
            if (!dryRun) {
                file(inbox, file, launch);
            }
            if (launch.outcome().skipped() || launch.outcome() == Outcome.FAILED
                    || launch.outcome() == Outcome.STOPPED) {
                // Later files wait: this one resumes first next time, so the inbox keeps its order.
                break;
            }
        }
        return launches;
    }

    private Launch send(JobDefinition definition, Path input, LocalDate date, Duration stale, boolean dryRun)
            throws Exception {
        String description = (dryRun ? "dry run" : "run") + " of " + input + " for " + date;
        return runner.launch("sendTransfersJob", SendJobParameters.of(input, date, stale, dryRun,
                definition.file() == null ? null : definition.name()), description,
                !dryRun, ended(definition, dryRun));
    }

    private Consumer<Launch> ended(JobDefinition definition, boolean dryRun) {
        return launch -> {
            if (!dryRun) {
                listener.ended(definition, launch);
            }
        };
    }

    private void file(Inbox inbox, Path file, Launch launch) {
        try {
            switch (launch.outcome()) {
                case COMPLETED, COMPLETED_WITH_PROBLEMS -> say("archived", file, inbox.archive(file));
                case FAILED_INPUT -> say("moved to error/ (fix it and put it back in the inbox)", file,
                        inbox.reject(file));
                case ALREADY_COMPLETE -> say("moved to error/: a file of this name already ran today; rename it to "
                        + "send it", file, inbox.reject(file));
                default -> LOG.info("{} stays in the inbox ({}): the next launch resumes its run", file,
                        launch.outcome().tag());
            }
        } catch (IOException | RuntimeException e) {
            // The file stays where it was: never lost. The next launch finds its run done and files it then.
            LOG.error("could not move {} out of the inbox", file, e);
            out.println("Warning: could not move " + Visible.text(file) + " out of the inbox ("
                    + Visible.text(e.getMessage()) + "); it stays.");
        }
    }

    private void say(String what, Path file, Path to) {
        out.println(Visible.text(file.getFileName()) + ": " + what + " -> " + Visible.text(to));
        LOG.info("{} {} -> {}", file, what, to);
    }

    /** One exit code for several launches: the most serious one. */
    public static int exitCode(List<Launch> launches) {
        int[] order = {ExitCodes.LOCKED, ExitCodes.JOB_FAILED, ExitCodes.COMPLETED_WITH_PROBLEMS};
        for (int code : order) {
            if (launches.stream().anyMatch(launch -> launch.exitCode() == code)) {
                return code;
            }
        }
        return ExitCodes.OK;
    }
}
