package com.filemailbatch.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {

    @Option(names = "--sandbox", description = "Run against the embedded Filemail stand-in on a loopback port "
            + "instead of the real service. Nothing reaches Filemail.")
    boolean sandbox;
}
