package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.startup.ContextScope;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Mixin;

/**
 * A command that works on the started application: checks what the user typed first, so that a usage error answers
 * before Spring starts; then starts the application (and the sandbox when asked for), hands it to
 * {@link #call(ConfigurableApplicationContext)}, and closes it when that returns or throws. Start-up problems come
 * out as {@link ConfigurationException}.
 */
abstract class ContextCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    /** The {@code --name=value} properties given on the command line, for the application (not for picocli). */
    Map<String, String> commandLineProperties = Map.of();

    final PrintStream out;
    final PrintStream err;
    /** Set while the application runs: serve closes it from a shutdown hook, another thread. */
    private volatile ApplicationStarter starter;

    ContextCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public final Integer call() throws Exception {
        OptionalInt done = withoutApplication();
        if (done.isPresent()) {
            return done.getAsInt();
        }
        checkArguments();
        try (ApplicationStarter started = new ApplicationStarter(common.sandbox, standIn(), err, needsApi())
                .withScope(scope())
                .withProperties(commandLineProperties, properties())) {
            starter = started;
            return call(started.start());
        }
    }

    /** The command's work on the started application. @return the exit code */
    abstract int call(ConfigurableApplicationContext context) throws Exception;

    /**
     * The work of an invocation that needs no application (dashboard --hash-password): its exit code, or empty to
     * go on and start the application. Empty by default.
     */
    OptionalInt withoutApplication() throws Exception {
        return OptionalInt.empty();
    }

    /** Checks the arguments before anything starts: throws {@link UsageException}. None by default. */
    void checkArguments() {
    }

    /**
     * The stand-in's options of a command that calls Filemail ({@link FilemailCommand}), so that --sandbox starts
     * the stand-in; null for one that does not: --sandbox then only selects the sandbox's database.
     */
    StandInOptions standIn() {
        return null;
    }

    /** The exit codes the command's help lists: by default success, usage and configuration errors. */
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.of(ExitCodes.OK, ExitCodes.USAGE, ExitCodes.CONFIG);
    }

    /**
     * What the command's application holds: by default the database and what reads it ({@link ContextScope#DATA});
     * a command that calls Filemail or serves pages asks for more.
     */
    ContextScope scope() {
        return ContextScope.DATA;
    }

    /** Whether the command cannot work without calling Filemail, so that it needs an API key (or the sandbox). */
    boolean needsApi() {
        return false;
    }

    /** Extra {@code --name=value} properties of this command's application. None by default. */
    List<String> properties() {
        return List.of();
    }

    /**
     * Closes the application (and the sandbox) now, for a command whose end is not the return of
     * {@link #call(ConfigurableApplicationContext)}: serve, stopped by a shutdown hook.
     */
    final void closeApplication() {
        if (starter != null) {
            starter.close();
        }
    }
}
