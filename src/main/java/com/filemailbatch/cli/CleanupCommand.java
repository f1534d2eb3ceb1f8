package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.cleanup.CleanupJobParameters;
import java.io.PrintStream;
import java.time.Duration;
import com.filemailbatch.launch.JobRunner;
import com.filemailbatch.ledger.LedgerEntry;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.ledger.TransferStatus;
import java.time.Instant;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cleanup}: only the cancel step, as its own job. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Cancels every recorded transfer initialized longer ago than --stale-after and still not "
                + "completed.")
final class CleanupCommand extends FilemailCommand {

    @Option(names = "--stale-after", paramLabel = "DURATION", defaultValue = "P1D",
            converter = Converters.DurationConverter.class,
            description = "How old an incomplete transfer must be to be cancelled (1d, 12h, 30m or ISO-8601 such as P1D; default: "
                    + "${DEFAULT-VALUE}).")
    Duration staleAfter;

    @Option(names = "--dry-run", description = "List what would be cancelled without calling Filemail.")
    boolean dryRun;

    @Option(names = "--reference", paramLabel = "REF", description = "Cancel only the transfer of this reference, "
            + "whatever its age, if it is not completed yet (INITIALIZED or UPLOADING); --stale-after does not apply.")
    String reference;

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
        return new JobRunner(context, out, err).launch("cleanupStaleTransfersJob",
                CleanupJobParameters.of(Instant.now(), staleAfter, dryRun, null, reference),
                reference == null ? "cleanup" : "cancel of " + reference, !dryRun).exitCode();
    }
}
