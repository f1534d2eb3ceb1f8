package com.filemailbatch.cli;

import com.filemailbatch.audit.AuditQueries;
import com.filemailbatch.audit.AuditRenderer;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;

/** {@code history}: past runs from the job history tables, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lists past runs (newest first) from the job history tables and the run journal.")
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default: "
            + "${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    private final PrintStream out;
    private final PrintStream err;

    HistoryCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1, got " + limit);
        }
        try (ApplicationStarter starter = new ApplicationStarter(common, err, false)) {
            ConfigurableApplicationContext context = starter.start();
            var runs = context.getBean(AuditQueries.class).history(limit);
            AuditRenderer renderer = new AuditRenderer(context.getBean(ObjectMapper.class));
            out.print(json ? renderer.json(runs) : renderer.historyTable(runs));
            return ExitCodes.OK;
        }
    }
}
