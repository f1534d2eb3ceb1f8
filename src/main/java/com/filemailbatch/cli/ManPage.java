package com.filemailbatch.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * One command's manual page in roff ({@code man 7 man}), written from picocli's model of the command: the same
 * synopsis, descriptions and exit codes as {@code --help}, so the two cannot drift. picocli-codegen's generator
 * writes AsciiDoc, which needs Asciidoctor to become a man page; this needs nothing.
 */
final class ManPage {

    private final CommandLine command;
    private final String version;
    private final StringBuilder roff = new StringBuilder();

    ManPage(CommandLine command, String version) {
        this.command = command;
        this.version = version;
    }

    /** The page's file name: {@code filemail-batch.1}, {@code filemail-batch-run.1}. */
    static String fileName(CommandLine command) {
        return pageName(command) + ".1";
    }

    private static String pageName(CommandLine command) {
        return command.getCommandSpec().qualifiedName("-");
    }

    String render() {
        CommandSpec spec = command.getCommandSpec();
        line(".TH \"" + pageName(command).toUpperCase() + "\" 1 \"\" \"filemail-batch " + version
                + "\" \"filemail-batch manual\"");
        section("NAME");
        text(escape(pageName(command)) + " \\- " + escape(firstSentence(spec.usageMessage().description())));
        section("SYNOPSIS");
        line(".nf");
        plainHelp().synopsis(0).strip().lines().forEach(synopsis -> text(escape(synopsis)));
        line(".fi");
        section("DESCRIPTION");
        paragraphs(spec.usageMessage().description());
        if (!spec.positionalParameters().isEmpty() || !spec.options().isEmpty()) {
            section("OPTIONS");
            for (PositionalParamSpec parameter : spec.positionalParameters()) {
                item("\\fI" + escape(parameter.paramLabel()) + "\\fR", parameter.renderedDescription());
            }
            for (OptionSpec option : spec.options()) {
                if (!option.hidden()) {
                    item(optionNames(option), option.renderedDescription());
                }
            }
        }
        List<CommandLine> subcommands = subcommands();
        if (!subcommands.isEmpty()) {
            section("COMMANDS");
            for (CommandLine subcommand : subcommands) {
                item("\\fB" + escape(subcommand.getCommandName()) + "\\fR",
                        new String[] {firstSentence(subcommand.getCommandSpec().usageMessage().description())});
                line("See \\fB" + escape(pageName(subcommand)) + "\\fR(1).");
            }
        }
        if (!spec.usageMessage().exitCodeList().isEmpty()) {
            // The same table as the help's "Exit codes:" (ExitCodeHelp).
            section("EXIT STATUS");
            spec.usageMessage().exitCodeList().forEach((code, meaning) -> {
                line(".TP");
                line("\\fB" + escape(code.strip()) + "\\fR");
                text(escape(meaning));
            });
        } else if (spec.usageMessage().footer().length > 0) {
            section("EXIT STATUS");
            line(".nf");
            for (String footer : spec.usageMessage().footer()) {
                text(escape(footer.replace("%n", "").replace("%%", "%")));
            }
            line(".fi");
        }
        section("SEE ALSO");
        text(command.getParent() == null ? "The documentation in the distribution's docs/ directory."
                : "\\fB" + escape(pageName(command.getParent())) + "\\fR(1)");
        return roff.toString();
    }

    /** The registered commands, without picocli's {@code help}. */
    List<CommandLine> subcommands() {
        return command.getSubcommands().values().stream()
                .filter(sub -> !(sub.getCommand() instanceof CommandLine.HelpCommand))
                .distinct()
                .toList();
    }

    private CommandLine.Help plainHelp() {
        return new CommandLine.Help(command.getCommandSpec(),
                CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    }

    private static String optionNames(OptionSpec option) {
        String names = List.of(option.names()).stream().map(name -> "\\fB" + escape(name) + "\\fR")
                .collect(Collectors.joining(", "));
        return option.typeInfo().isBoolean() || option.arity().max() == 0 ? names
                : names + " \\fI" + escape(option.paramLabel()) + "\\fR";
    }

    private static String firstSentence(String[] description) {
        String first = description.length == 0 ? "" : description[0].replace("%n", " ").strip();
        int end = first.indexOf(". ");
        return end < 0 ? first : first.substring(0, end + 1);
    }

    private void section(String name) {
        line(".SH " + name);
    }

    private void item(String tag, String[] description) {
        line(".TP");
        line(tag);
        paragraph(String.join(" ", description));
    }

    private void paragraphs(String[] paragraphs) {
        for (String paragraph : paragraphs) {
            line(".PP");
            paragraph(paragraph);
        }
    }

    private void paragraph(String text) {
        text(escape(text.replace("%n", " ").replace("%%", "%")));
    }

    /** A text line: roff would read a leading dot or quote as a request. */
    private void text(String line) {
        line(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
    }

    private void line(String line) {
        roff.append(line).append('\n');
    }

    private static String escape(String text) {
        return text.replace("\\", "\\e").replace("-", "\\-");
    }
}
