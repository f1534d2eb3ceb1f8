package com.filemailbatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the distribution's bash completion script and manual pages from the command line's own model. Run by the
 * build ({@code prepare-package}), not by users: {@code DistributionDocs <directory> <version>} writes
 * {@code completion/filemail-batch.bash} and {@code man/filemail-batch*.1} under the directory.
 */
public final class DistributionDocs {

    private DistributionDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        String version = args.length > 1 ? args[1] : "";
        CommandLine cli = FilemailBatchCli.commandLine(new PrintStream(PrintStream.nullOutputStream()),
                new PrintStream(PrintStream.nullOutputStream()));

        Path completion = Files.createDirectories(target.resolve("completion"));
        Files.writeString(completion.resolve("filemail-batch.bash"), AutoComplete.bash("filemail-batch", cli),
                StandardCharsets.UTF_8);

        Path man = Files.createDirectories(target.resolve("man"));
        ManPage top = new ManPage(cli, version);
        Files.writeString(man.resolve(ManPage.fileName(cli)), top.render(), StandardCharsets.UTF_8);
        for (CommandLine command : top.subcommands()) {
            Files.writeString(man.resolve(ManPage.fileName(command)), new ManPage(command, version).render(),
                    StandardCharsets.UTF_8);
        }
    }
}
