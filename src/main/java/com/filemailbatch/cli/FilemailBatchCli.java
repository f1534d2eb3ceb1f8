package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.launch.FailureMessages;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code filemail-batch} command. Arguments are parsed before Spring starts, so {@code --help} and usage errors
 * answer at once; each command then starts the application it needs.
 */
@Command(name = "filemail-batch", mixinStandardHelpOptions = true, version = "filemail-batch 0.1.0",
        description = "Creates Filemail transfers from CSV definitions, records every transfer in a ledger, "
                + "and cancels the ones left incomplete.",
        subcommands = {RunCommand.class, CleanupCommand.class, HistoryCommand.class, ShowCommand.class,
                BenchCommand.class, VerifyReceiptsCommand.class, PurgeCommand.class, ServeCommand.class,
                RecoverCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0   success", "  2   the job failed: run the same command again to resume",
                "  3   completed, but some rows were rejected or failed",
                "  64  usage error (also: show of an unknown execution id)",
                "  65  verify-receipts: a receipt was altered or removed",
                "  75  not started: another run of the same job is in progress (its lock is held)",
                "  78  configuration error (for example no API key without --sandbox)"})
public final class FilemailBatchCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, cleanup, history, show)");
    }

    public static int execute(String[] args) {
        return execute(args, System.out, System.err);
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new FilemailBatchCli(), new CommandFactory(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("error: " + e.getMessage().replaceFirst("^Error: ", ""));
            err.println("Try: filemail-batch " + (e.getCommandLine().getParent() == null ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException) {
                err.println("error: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (e instanceof ConfigurationException) {
                err.println("error: " + e.getMessage());
                return ExitCodes.CONFIG;
            }
            err.println("error: " + FailureMessages.rootMessage(e));
            return ExitCodes.JOB_FAILED;
        });
        return cli.execute(args);
    }

    /** Hands the streams given to {@link #execute} to the commands, so that what they print can be captured. */
    private record CommandFactory(PrintStream out, PrintStream err) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            Object command = type == RunCommand.class ? new RunCommand(out, err)
                    : type == CleanupCommand.class ? new CleanupCommand(out, err)
                    : type == HistoryCommand.class ? new HistoryCommand(out, err)
                    : type == ShowCommand.class ? new ShowCommand(out, err)
                    : type == BenchCommand.class ? new BenchCommand(out)
                    : type == VerifyReceiptsCommand.class ? new VerifyReceiptsCommand(out, err)
                    : type == PurgeCommand.class ? new PurgeCommand(out, err)
                    : type == ServeCommand.class ? new ServeCommand(out, err)
                    : type == RecoverCommand.class ? new RecoverCommand(out, err)
                    : null;
            return command == null ? CommandLine.defaultFactory().create(type) : type.cast(command);
        }
    }
}
