package com.filemailbatch.cli;

import com.filemailbatch.cleanup.CleanupJobParameters;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cleanup}: only the cancel step, as its own job. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Cancels every recorded transfer initialized longer ago than --stale-after and still not "
                + "completed.")
final class CleanupCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--stale-after", paramLabel = "DURATION", defaultValue = "P1D",
            converter = Converters.DurationConverter.class,
            description = "How old an incomplete transfer must be to be cancelled (ISO-8601, default: "
                    + "${DEFAULT-VALUE}).")
    Duration staleAfter;

    @Option(names = "--dry-run", description = "List what would be cancelled without calling Filemail.")
    boolean dryRun;

    private final PrintStream out;
    private final PrintStream err;

    CleanupCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        try (ApplicationStarter starter = new ApplicationStarter(common, err, !dryRun)) {
            JobRunner runner = new JobRunner(starter.start(), out, err);
            return runner.launch("cleanupStaleTransfersJob",
                    CleanupJobParameters.of(Instant.now(), staleAfter, dryRun), "cleanup", !dryRun).exitCode();
        }
    }
}
