package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.audit.AuditRenderer;
import com.filemailbatch.cleanup.CleanupJobParameters;
import com.filemailbatch.launch.JobRunner;
import com.filemailbatch.launch.Launch;
import com.filemailbatch.ledger.LedgerEntry;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.ledger.TransferStatus;
import com.filemailbatch.report.RunSummaries;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;

/** {@code cleanup}: only the cancel step, as its own job. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Cancels every recorded transfer initialized longer ago than --stale-after and still not "
                + "completed.")
final class CleanupCommand extends FilemailCommand {

    @Option(names = "--stale-after", paramLabel = "DURATION", defaultValue = "P1D",
            converter = Converters.DurationConverter.class,
            description = "How old an incomplete transfer must be to be cancelled (1d, 12h, 30m or ISO-8601 such "
                    + "as P1D; default: ${DEFAULT-VALUE}).")
    Duration staleAfter;

    @Option(names = "--dry-run", description = "List what would be cancelled without calling Filemail.")
    boolean dryRun;

    @Option(names = "--reference", paramLabel = "REF", description = "Cancel only the transfer of this reference, "
            + "whatever its age, if it is not completed yet (INITIALIZED or UPLOADING); --stale-after does not apply.")
    String reference;

    @Option(names = "--json", description = "Print the outcome and summary of the run as JSON on standard output; "
            + "the lines for people go to standard error.")
    boolean json;

    CleanupCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.of(ExitCodes.OK, ExitCodes.JOB_FAILED, ExitCodes.USAGE, ExitCodes.LOCKED, ExitCodes.CONFIG);
    }

    @Override
    boolean needsApi() {
        return !dryRun;
    }

    @Override
    int call(ConfigurableApplicationContext context) throws Exception {
        if (reference != null) {
            TransferStatus status = context.getBean(LedgerRepository.class).find(reference).map(LedgerEntry::status)
                    .orElseThrow(() -> new UsageException("no transfer of reference '" + reference + "' is recorded"));
            if (status != TransferStatus.INITIALIZED && status != TransferStatus.UPLOADING) {
                throw new UsageException("the transfer of reference '" + reference + "' is " + status
                        + ": only an INITIALIZED or UPLOADING transfer can be cancelled");
            }
        }
        // With --json, standard output holds the JSON answer only.
        PrintStream people = json ? err : out;
        RunSummaries summaries = context.getBean(RunSummaries.class);
        summaries.printTo(people);
        Launch launch = new JobRunner(context, people, err).launch("cleanupStaleTransfersJob",
                CleanupJobParameters.of(Instant.now(), staleAfter, dryRun, null, reference),
                reference == null ? "cleanup" : "cancel of " + reference, !dryRun);
        if (json) {
            out.print(new AuditRenderer(context.getBean(ObjectMapper.class)).json(LaunchAnswer.of(launch.exitCode(),
                    List.of(launch), summaries)));
        }
        return launch.exitCode();
    }
}
