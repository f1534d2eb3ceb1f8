package com.filemailbatch.cli;

import com.filemailbatch.terminal.Visible;
import com.filemailbatch.ExitCodes;
import com.filemailbatch.launch.FailureMessages;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code filemail-batch} command and the program's entry point. Arguments are parsed before Spring starts, so
 * {@code --help} and usage errors answer at once; each command then starts the application it needs.
 */
@Command(name = "filemail-batch", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Creates Filemail transfers from CSV definitions, records every transfer in a ledger, "
                + "and cancels the ones left incomplete.")
public final class FilemailBatchCli implements Runnable {

    /**
     * Every command, in the order the help lists them: registering a command is one line here. Each is made with
     * the streams it prints to, so that tests can capture them.
     */
    static final List<CommandMaker> COMMANDS = List.of(
            RunCommand::new,
            CleanupCommand::new,
            HistoryCommand::new,
            ShowCommand::new,
            (out, err) -> new BenchCommand(out),
            VerifyReceiptsCommand::new,
            PurgeCommand::new,
            ServeCommand::new,
            DashboardCommand::new,
            WorkerCommand::new,
            RecoverCommand::new,
            RotateKeyCommand::new,
            CheckCommand::new,
            NotificationsCommand::new);

    /** Makes one command, printing to {@code out} and {@code err}. */
    @FunctionalInterface
    interface CommandMaker {
        Object make(PrintStream out, PrintStream err);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // picocli's default factory looks for Groovy's Closure class once; in the packaged jar a class that is not
        // there is looked for in every nested jar, each opened for it: a fifth of a second before --help can print.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        // As wide as the terminal (80 columns when there is none); tests keep the 80 columns, whatever runs them.
        System.exit(commandLine(System.out, System.err, args).setUsageHelpAutoWidth(true).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required ("
                + String.join(", ", commandNames(spec.commandLine())) + ")");
    }

    /** The names of the registered commands, in the order of the help; picocli's {@code help} is not one. */
    static List<String> commandNames(CommandLine cli) {
        return cli.getSubcommands().values().stream()
                .filter(command -> !(command.getCommand() instanceof CommandLine.HelpCommand))
                .map(CommandLine::getCommandName)
                .distinct()
                .toList();
    }

    /**
     * Hands a command that starts the application its {@code --name=value} properties; anything else picocli did
     * not match is an error.
     */
    private static void refuseUnmatched(CommandLine.ParseResult level) {
        List<String> unmatched = level.unmatched();
        if (level.commandSpec().userObject() instanceof ContextCommand command) {
            try {
                PropertyArguments split = PropertyArguments.split(unmatched);
                command.commandLineProperties = split.properties;
                unmatched = split.rest;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(level.commandSpec().commandLine(), e.getMessage());
            }
        }
        if (!unmatched.isEmpty()) {
            throw new CommandLine.UnmatchedArgumentException(level.commandSpec().commandLine(), unmatched);
        }
    }

    /** Arguments that the top level answers alone, needing of the commands only what its help lists. */
    private static final Set<String> TOP_LEVEL_ONLY = Set.of("--help", "-h", "--version", "-V");

    /**
     * A command as the top-level help lists it: its name, aliases and description, without its options, which
     * picocli would otherwise find by reflection (loading their types, some of them Spring's).
     */
    private static CommandLine listed(Object command) {
        Command annotation = command.getClass().getAnnotation(Command.class);
        CommandLine.Model.CommandSpec listed = CommandLine.Model.CommandSpec.wrapWithoutInspection(command)
                .name(annotation.name()).aliases(annotation.aliases());
        listed.usageMessage().description(annotation.description()).header(annotation.header())
                .hidden(annotation.hidden());
        return new CommandLine(listed);
    }

    private static String name(Object command) {
        return command.getClass().getAnnotation(Command.class).name();
    }

    /** The commands or options (as picocli would choose between them) the first unmatched argument is nearest to. */
    private static List<String> suggestions(CommandLine.UnmatchedArgumentException e) {
        if (e.getUnmatched().isEmpty()) {
            return e.getSuggestions();
        }
        String typed = e.getUnmatched().get(0);
        CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
        List<String> names = typed.startsWith("-") ? List.copyOf(spec.optionsMap().keySet())
                : List.copyOf(spec.subcommands().keySet());
        return Suggestions.forTypo(typed, names, e.getSuggestions());
    }

    /** "unknown command 'x'" when the first thing that was not understood stands where a command belongs. */
    private static Optional<String> unknownCommand(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && e.getCommandLine().getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return Optional.of("unknown command '" + unmatched.getUnmatched().get(0) + "'");
        }
        return Optional.empty();
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err, args).execute(args);
    }

    /** The command line with every command of {@link #COMMANDS}, printing to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return commandLine(out, err, null);
    }

    /**
     * The command line for these arguments. picocli reads every option of every command it is given, by
     * reflection, before it parses anything, and on a cold JVM that is most of the time before the command starts;
     * so, when the first argument names a command, that command only; when the only argument is the top-level
     * {@code --help} or {@code --version} (or there is none), every command as the top-level help lists it (name
     * and description: see {@link #listed}). Anything else ({@code help}, a typo that needs the names of all for
     * its suggestions) gets them all.
     */
    static CommandLine commandLine(PrintStream out, PrintStream err, String[] args) {
        CommandLine cli = new CommandLine(new FilemailBatchCli());
        List<Object> commands = COMMANDS.stream().map(command -> command.make(out, err)).toList();
        String named = args == null || args.length == 0 ? null : args[0];
        boolean one = commands.stream().anyMatch(command -> name(command).equals(named));
        if (args != null && (args.length == 0 || args.length == 1 && TOP_LEVEL_ONLY.contains(named))) {
            commands.stream().map(FilemailBatchCli::listed).forEach(cli::addSubcommand);
        } else {
            commands.stream().filter(command -> !one || name(command).equals(named)).forEach(cli::addSubcommand);
        }
        // Every command's --version is the build's: one provider, not a string per command.
        cli.getSubcommands().values().forEach(command -> command.getCommandSpec().versionProvider(new BuildVersion()));
        // Spring Boot's --name=value properties reach the execution strategy below, which passes them on.
        cli.getSubcommands().values().stream().filter(command -> command.getCommand() instanceof ContextCommand)
                .forEach(command -> command.setUnmatchedArgumentsAllowed(true));
        // Every exit-code section from one table.
        ExitCodeHelp.all().applyTo(cli);
        cli.getSubcommands().values().stream().filter(command -> command.getCommand() instanceof ContextCommand)
                .forEach(command -> ((ContextCommand) command.getCommand()).exitCodes().applyTo(command));
        cli.addSubcommand(new CommandLine.HelpCommand());
        // Set after the commands are added: picocli passes them on to the subcommands present at the time.
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, arguments) -> {
            // The message quotes the argument as given, which may hold anything.
            err.println("error: " + Visible.text(unknownCommand(e).orElse(e.getMessage().replaceFirst("^Error: ",
                    ""))));
            List<String> suggestions = e instanceof CommandLine.UnmatchedArgumentException unmatched
                    ? suggestions(unmatched) : List.of();
            if (!suggestions.isEmpty()) {
                err.println("did you mean: " + Visible.text(String.join(", ", suggestions)) + "?");
            }
            err.println("Try: filemail-batch " + (e.getCommandLine().getParent() == null ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help");
            return ExitCodes.USAGE;
        });
        // picocli lets --help (or --version) win over arguments it could not match: `dashbord --help` would print
        // the top-level help and succeed. An unknown command or option is an error whatever else was asked for.
        cli.setExecutionStrategy(parseResult -> {
            for (CommandLine.ParseResult level = parseResult; level != null;
                    level = level.hasSubcommand() ? level.subcommand() : null) {
                refuseUnmatched(level);
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Messages name files, cells and keys a user wrote: never printed raw.
            if (e instanceof UsageException) {
                err.println("error: " + Visible.text(e.getMessage()));
                return ExitCodes.USAGE;
            }
            if (e instanceof ConfigurationException || FailureMessages.isMasterKeyProblem(e)) {
                err.println("error: " + Visible.text(e instanceof ConfigurationException ? e.getMessage()
                        : FailureMessages.rootMessage(e)));
                return ExitCodes.CONFIG;
            }
            err.println("error: " + Visible.text(FailureMessages.rootMessage(e)));
            return ExitCodes.JOB_FAILED;
        });
        return cli;
    }
}
