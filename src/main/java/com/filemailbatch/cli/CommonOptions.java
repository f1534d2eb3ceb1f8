package com.filemailbatch.cli;

import picocli.CommandLine.Option;

/** Options every command that starts the application takes. */
final class CommonOptions {

    @Option(names = "--sandbox", description = "Use the sandbox's own database and reports; a command that calls "
            + "Filemail runs against the embedded stand-in on a loopback port instead. Nothing reaches Filemail.")
    boolean sandbox;
}
