package com.filemailbatch.cli;

import com.filemailbatch.sandbox.SandboxFaults;
import com.filemailbatch.sandbox.SandboxOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How the sandbox's stand-in for Filemail misbehaves: options of the commands that call Filemail only
 * ({@link FilemailCommand}); elsewhere they would mean nothing.
 */
final class StandInOptions {

    @Option(names = "--sandbox-faults", paramLabel = "SHARE[,LOST]", converter = Converters.FaultsConverter.class,
            description = {"With --sandbox: answer this share of calls (0 to 1) with a transient fault (429, 500, "
                    + "503 or a dropped connection) and, after the comma, lose this share of initialize answers "
                    + "after the transfer was created. Example: 0.3 or 0.2,0.1."})
    SandboxFaults sandboxFaults;

    @Option(names = "--sandbox-latency", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "With --sandbox: delay every answer by this long (20ms, 1s, or ISO-8601 such as PT0.02S).")
    Duration sandboxLatency;

    /** The stand-in as the options describe it; checked: the knobs need --sandbox. */
    SandboxOptions sandboxOptions(boolean sandbox) {
        if (!sandbox && (sandboxFaults != null || sandboxLatency != null)) {
            throw new UsageException("--sandbox-faults and --sandbox-latency need --sandbox");
        }
        SandboxOptions options = SandboxOptions.defaults();
        return sandboxFaults == null ? options : options.withFaults(sandboxFaults);
    }
}
