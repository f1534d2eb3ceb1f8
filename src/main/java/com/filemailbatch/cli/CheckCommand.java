package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.audit.AuditRenderer;
import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.JobDefinitionLoader;
import com.filemailbatch.jobs.JobDefinitionLoader.JobDefinitionException;
import com.filemailbatch.notifications.DeliveryLines;
import com.filemailbatch.notifications.MissedRuns;
import com.filemailbatch.notifications.NotificationDelivery;
import com.filemailbatch.terminal.Visible;
import com.filemailbatch.text.IsoTime;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;

/** {@code check}: the dead man's switch for deployments without serve, from cron or a monitoring agent. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks that every job definition with a deadline completed a run in time: after each fire "
                + "time of its schedule, a run (run --job or serve) must have completed within its deadline "
                + "(key deadline, such as 2h or PT2H).",
                "A definition past its deadline is said, raises its 'missed' notification once (notify.on), and makes "
                        + "the exit code 2, as a monitoring agent expects of a critical check. Pending notifications "
                        + "are delivered too, for filemail.notify.deliver-within at most.",
                "Fire times before a definition was first checked (or served, or run) are not counted."})
final class CheckCommand extends ContextCommand {

    @Option(names = "--jobs", paramLabel = "DIR", defaultValue = "jobs",
            description = "The directory of job definitions (default: ${DEFAULT-VALUE}).")
    Path jobsDirectory;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    private List<JobDefinition> watched;

    CheckCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.of(ExitCodes.OK, ExitCodes.JOB_FAILED, ExitCodes.USAGE, ExitCodes.CONFIG)
                .with(ExitCodes.OK, "every definition with a deadline is on time")
                .with(ExitCodes.JOB_FAILED, "a definition is overdue: named on standard output")
                .with(ExitCodes.USAGE, "invalid job definition, no definition with a deadline, or bad option")
                .with(ExitCodes.CONFIG, "configuration error (database unreachable, e-mail without SMTP server)");
    }

    @Override
    void checkArguments() {
        try {
            watched = JobDefinitionLoader.loadAll(jobsDirectory).stream()
                    .filter(definition -> definition.deadline() != null).toList();
        } catch (JobDefinitionException e) {
            throw new UsageException(e.getMessage());
        }
        if (watched.isEmpty()) {
            throw new UsageException("no job definition in " + jobsDirectory + " has a deadline (key deadline, such as "
                    + "PT2H, beside its schedule)");
        }
    }

    @Override
    int call(ConfigurableApplicationContext context) {
        NotificationChecks.check(context, watched);
        List<MissedRuns.Status> statuses = context.getBean(MissedRuns.class).check(watched);
        if (json) {
            out.print(new AuditRenderer(context.getBean(ObjectMapper.class)).json(statuses.stream()
                    .map(CheckCommand::document).toList()));
        } else {
            table(statuses);
        }
        DeliveryLines.print(context.getBean(NotificationDelivery.class).deliverBeforeExit(), json ? err : out);
        return statuses.stream().anyMatch(status -> status.overdue() != null) ? ExitCodes.JOB_FAILED : ExitCodes.OK;
    }

    private void table(List<MissedRuns.Status> statuses) {
        String format = "%-24s %-28s %-9s %-20s %-20s %s%n";
        String row = format.replace("%n", "");
        out.printf(Locale.ROOT, format, "DEFINITION", "SCHEDULE", "DEADLINE", "LAST COMPLETED", "DUE BY", "STATUS");
        for (MissedRuns.Status status : statuses) {
            JobDefinition definition = status.definition();
            out.println(Visible.text(String.format(Locale.ROOT, row, definition.name(), "'" + definition.schedule()
                    + "' " + definition.zone(), definition.deadline(), IsoTime.orDash(status.state().lastSuccess()),
                    status.overdue() != null ? IsoTime.orDash(status.overdue().dueBy()) : IsoTime.orDash(status.dueBy()),
                    status.overdue() != null ? "OVERDUE" : "on time")));
        }
        for (MissedRuns.Status status : statuses) {
            if (status.overdue() != null) {
                out.println(Visible.text(status.definition().name() + ": overdue: no run completed within "
                        + status.definition().deadline() + " of its fire time " + IsoTime.orDash(status.overdue().fire())
                        + (status.raised() ? "; its 'missed' notification is raised" : "; raised before")
                        + ". See: filemail-batch history"));
            }
        }
    }

    private static Map<String, Object> document(MissedRuns.Status status) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("definition", status.definition().name());
        document.put("schedule", status.definition().schedule());
        document.put("zone", status.definition().zone().getId());
        document.put("deadline", status.definition().deadline().toString());
        document.put("lastCompleted", IsoTime.of(status.state().lastSuccess()));
        document.put("dueBy", IsoTime.of(status.overdue() != null ? status.overdue().dueBy() : status.dueBy()));
        document.put("overdue", status.overdue() != null);
        document.put("missedFireTime", status.overdue() == null ? null : IsoTime.of(status.overdue().fire()));
        document.put("raised", status.raised());
        return document;
    }
}
