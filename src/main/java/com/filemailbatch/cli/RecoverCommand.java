package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.liveness.StaleRunRecovery;
import com.filemailbatch.liveness.StaleRunRecovery.Recovery;
import java.io.PrintStream;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code recover EXECUTION_ID}: marks a run left STARTED by a dead process as FAILED, so that it can restart. */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Marks a run left STARTED (or STOPPING) by a process that is gone as FAILED, with an exit "
                + "description saying so, so that running the same command again restarts it where it stopped.",
                "Refused when the run's process is alive: on this host, its process id still runs; on another host, "
                        + "its heartbeat (every 10 s) is less than 30 s old or that host still holds the job's lock.",
                "run, cleanup and serve do the same by themselves before each launch; this is for looking first."})
final class RecoverCommand extends ContextCommand {

    @Parameters(paramLabel = "EXECUTION_ID", description = "The execution, as listed by history.")
    long executionId;

    RecoverCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.of(ExitCodes.OK, ExitCodes.USAGE, ExitCodes.LOCKED, ExitCodes.CONFIG)
                .with(ExitCodes.USAGE, "usage error, an unknown execution, or one that is not STARTED/STOPPING")
                .with(ExitCodes.LOCKED, "the process that runs the execution is alive");
    }

    @Override
    int call(ConfigurableApplicationContext context) {
        Recovery recovery = context.getBean(StaleRunRecovery.class).recover(executionId);
        return switch (recovery.result()) {
            case NOT_FOUND -> {
                err.println("error: no execution " + executionId + " (see: filemail-batch history)");
                yield ExitCodes.USAGE;
            }
            case NOT_RUNNING -> {
                err.println("error: execution " + executionId + " is " + recovery.execution().getStatus()
                        + ", not STARTED or STOPPING: nothing to recover");
                yield ExitCodes.USAGE;
            }
            case OWNER_ALIVE -> {
                err.println("error: execution " + executionId + " is still running (process "
                        + recovery.owner().get().pid() + " on " + recovery.owner().get().host()
                        + "); not recovered. Stop it with SIGTERM instead.");
                yield ExitCodes.LOCKED;
            }
            case RECOVERED -> {
                out.println("Execution " + executionId + " marked FAILED: "
                        + recovery.execution().getExitStatus().getExitDescription());
                yield ExitCodes.OK;
            }
        };
    }
}
