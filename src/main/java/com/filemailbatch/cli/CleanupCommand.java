package com.filemailbatch.cli;

import com.filemailbatch.cleanup.CleanupJobParameters;
import java.io.PrintStream;
import java.time.Duration;
import com.filemailbatch.launch.JobRunner;
import java.time.Instant;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cleanup}: only the cancel step, as its own job. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Cancels every recorded transfer initialized longer ago than --stale-after and still not "
                + "completed.")
final class CleanupCommand extends ContextCommand {

    @Option(names = "--stale-after", paramLabel = "DURATION", defaultValue = "P1D",
            converter = Converters.DurationConverter.class,
            description = "How old an incomplete transfer must be to be cancelled (ISO-8601, default: "
                    + "${DEFAULT-VALUE}).")
    Duration staleAfter;

    @Option(names = "--dry-run", description = "List what would be cancelled without calling Filemail.")
    boolean dryRun;

    CleanupCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    boolean needsApi() {
        return !dryRun;
    }

    @Override
    int call(ConfigurableApplicationContext context) throws Exception {
        return new JobRunner(context, out, err).launch("cleanupStaleTransfersJob",
                CleanupJobParameters.of(Instant.now(), staleAfter, dryRun), "cleanup", !dryRun).exitCode();
    }
}
