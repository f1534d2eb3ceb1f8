package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.audit.AuditQueries;
import com.filemailbatch.audit.AuditRenderer;
import java.io.PrintStream;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.ObjectMapper;

/** {@code show ID}: one run in full, never a transfer key. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Shows one run: parameters, steps and their counts, outcomes, rejected rows and the "
                + "transfers it recorded (never a transfer key).")
final class ShowCommand extends ContextCommand {

    @Parameters(paramLabel = "EXECUTION_ID", description = "The run's execution id (see history).")
    long executionId;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    ShowCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    int call(ConfigurableApplicationContext context) {
        var details = context.getBean(AuditQueries.class).show(executionId)
                .orElseThrow(() -> new UsageException("no run with execution id " + executionId
                        + " (see: filemail-batch history)"));
        // The JSON mapper only for JSON: made on first use, it is a good part of a table's start-up.
        out.print(json ? new AuditRenderer(context.getBean(ObjectMapper.class)).json(details)
                : AuditRenderer.tables().details(details));
        return ExitCodes.OK;
    }
}
