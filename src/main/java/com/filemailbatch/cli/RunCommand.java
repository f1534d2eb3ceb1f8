package com.filemailbatch.cli;

import com.filemailbatch.send.SendJobParameters;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: the whole send job for one input file and run date. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Initializes a Filemail transfer for every valid row of the CSV file, cancels stale "
                + "incomplete transfers, and writes the run report.",
                "The input file and run date identify the run: running it again after a failure resumes where it "
                        + "stopped; running it again after success does nothing."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The CSV file of transfer "
            + "definitions.")
    Path input;

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", description = "The run date (default: today).",
            converter = Converters.DateConverter.class)
    LocalDate runDate;

    @Option(names = "--stale-after", paramLabel = "DURATION", defaultValue = "P1D",
            converter = Converters.DurationConverter.class,
            description = "Cancel transfers initialized this long ago and still not completed "
                    + "(ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration staleAfter;

    @Option(names = "--dry-run", description = "Validate and report what would be sent and cancelled, "
            + "without calling Filemail or changing the ledger.")
    boolean dryRun;

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) {
            throw new UsageException("input file not found: " + input);
        }
        LocalDate date = runDate == null ? LocalDate.now() : runDate;
        try (ApplicationStarter starter = new ApplicationStarter(common, out, !dryRun)) {
            JobRunner runner = new JobRunner(starter.start(), out, err);
            String description = (dryRun ? "dry run" : "run") + " of " + input + " for " + date;
            return runner.run("sendTransfersJob", SendJobParameters.of(input, date, staleAfter, dryRun),
                    description);
        }
    }
}
