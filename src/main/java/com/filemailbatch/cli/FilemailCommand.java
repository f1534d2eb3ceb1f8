package com.filemailbatch.cli;

import com.filemailbatch.startup.ContextScope;
import java.io.PrintStream;
import picocli.CommandLine.Mixin;

/**
 * A command that calls Filemail (run, cleanup, serve, the dashboard's actions): with {@code --sandbox} it starts
 * the stand-in, which {@code --sandbox-faults} and {@code --sandbox-latency} make misbehave.
 */
abstract class FilemailCommand extends ContextCommand {

    @Mixin
    StandInOptions standIn;

    FilemailCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    /** The jobs and the Filemail client; serve and dashboard ask for their web server too. */
    @Override
    ContextScope scope() {
        return ContextScope.JOBS;
    }

    @Override
    final StandInOptions standIn() {
        return standIn;
    }
}
