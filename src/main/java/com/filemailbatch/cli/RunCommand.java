package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.audit.AuditRenderer;
import com.filemailbatch.database.DatabaseCompaction;
import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.JobDefinitionLoader;
import com.filemailbatch.jobs.JobDefinitionLoader.JobDefinitionException;
import com.filemailbatch.launch.DefinitionRunner;
import com.filemailbatch.launch.Launch;
import com.filemailbatch.notifications.DeliveryLines;
import com.filemailbatch.notifications.NotificationDelivery;
import com.filemailbatch.report.RunSummaries;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;

/** {@code run}: the whole send job for one input file and run date, or one job definition from {@code jobs/}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Initializes a Filemail transfer for every valid row of the CSV file, cancels stale "
                + "incomplete transfers, and writes the run report.",
                "The input file and run date identify the run: running it again after a failure resumes where it "
                        + "stopped; running it again after success does nothing."})
final class RunCommand extends FilemailCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--input", paramLabel = "FILE", description = "The CSV file of transfer definitions.")
        Path input;

        @Option(names = "--job", paramLabel = "DEFINITION", description = "A job definition such as "
                + "jobs/nightly-send.properties: its job, input (or each file of its inbox) and options, run now.")
        Path job;
    }

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", description = "The run date (default: today, in the "
            + "definition's zone with --job).", converter = Converters.DateConverter.class)
    LocalDate runDate;

    @Option(names = "--stale-after", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "Cancel transfers initialized this long ago and still not completed "
                    + "(1d, 12h, 30m or ISO-8601 such as P1D; default: the definition's, or 1d).")
    Duration staleAfter;

    @Option(names = "--dry-run", description = "Validate and report what would be sent and cancelled, "
            + "without calling Filemail or changing the ledger.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the outcome and summary of each run as JSON on standard output; "
            + "the lines for people go to standard error.")
    boolean json;

    private JobDefinition definition;

    RunCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.of(ExitCodes.OK, ExitCodes.JOB_FAILED, ExitCodes.COMPLETED_WITH_PROBLEMS, ExitCodes.USAGE,
                ExitCodes.LOCKED, ExitCodes.CONFIG)
                .with(ExitCodes.USAGE, "usage error (unknown option, bad value, input file not found, invalid job "
                        + "definition)");
    }

    @Override
    void checkArguments() {
        definition = definition();
    }

    @Override
    boolean needsApi() {
        return !dryRun;
    }

    @Override
    int call(ConfigurableApplicationContext context) throws Exception {
        NotificationDelivery notifications = context.getBean(NotificationDelivery.class);
        // With --json, standard output holds the JSON answer only.
        PrintStream people = json ? err : out;
        RunSummaries summaries = context.getBean(RunSummaries.class);
        summaries.printTo(people);
        if (!dryRun) {
            NotificationChecks.check(context, List.of(definition));
            // Left over by an earlier process: delivered while this run works.
            notifications.deliverInBackground();
        }
        List<Launch> launches = DefinitionRunner.of(context, people, err).run(definition, runDate, staleAfter, dryRun);
        int exitCode = DefinitionRunner.exitCode(launches);
        if (!dryRun) {
            DeliveryLines.print(notifications.deliverBeforeExit(), people);
            // Last: the command is done with the database, and a compaction closes it.
            DatabaseCompaction.atExit(context, err);
        }
        if (json) {
            out.print(new AuditRenderer(context.getBean(ObjectMapper.class)).json(LaunchAnswer.of(exitCode, launches,
                    summaries)));
        }
        return exitCode;
    }

    private JobDefinition definition() {
        if (what.job != null) {
            try {
                JobDefinition definition = JobDefinitionLoader.load(what.job);
                checkInput(definition.input());
                return definition;
            } catch (JobDefinitionException e) {
                throw new UsageException(e.getMessage());
            }
        }
        checkInput(what.input);
        return new JobDefinition(null, JobDefinition.Kind.SEND, null, java.time.ZoneId.systemDefault(), what.input,
                null, Duration.ofDays(1));
    }

    private static void checkInput(Path input) {
        if (input != null && !Files.isRegularFile(input)) {
            throw new UsageException("input file not found: " + input);
        }
    }
}
