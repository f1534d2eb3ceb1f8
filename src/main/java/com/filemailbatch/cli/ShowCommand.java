package com.filemailbatch.cli;

import com.filemailbatch.audit.AuditQueries;
import com.filemailbatch.audit.AuditRenderer;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.ObjectMapper;

/** {@code show ID}: one run in full, never a transfer key. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Shows one run: parameters, steps and their counts, outcomes, rejected rows and the "
                + "transfers it recorded (never a transfer key).")
final class ShowCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "EXECUTION_ID", description = "The run's execution id (see history).")
    long executionId;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    private final PrintStream out;
    private final PrintStream err;

    ShowCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try (ApplicationStarter starter = new ApplicationStarter(common, err, false)) {
            ConfigurableApplicationContext context = starter.start();
            var details = context.getBean(AuditQueries.class).show(executionId)
                    .orElseThrow(() -> new UsageException("no run with execution id " + executionId
                            + " (see: filemail-batch history)"));
            AuditRenderer renderer = new AuditRenderer(context.getBean(ObjectMapper.class));
            out.print(json ? renderer.json(details) : renderer.details(details));
            return ExitCodes.OK;
        }
    }
}
