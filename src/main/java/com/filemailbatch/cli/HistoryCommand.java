package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.audit.AuditQueries;
import com.filemailbatch.audit.AuditRenderer;
import com.filemailbatch.audit.HistoryFilter;
import com.filemailbatch.audit.RunStatuses;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;

/** {@code history}: past runs from the job history tables, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lists past runs (newest first) from the job history tables and the run journal.")
final class HistoryCommand extends ContextCommand {

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default: "
            + "${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--status", paramLabel = "S", description = "Only runs with this status or exit code: "
            + "COMPLETED, COMPLETED_WITH_PROBLEMS, FAILED, STOPPED, STARTED, ABANDONED, …")
    String status;

    @Option(names = "--since", paramLabel = "DATE", converter = Converters.SinceConverter.class,
            description = "Only runs started at or after this ISO date or date-time (2026-11-01, 2026-11-01T08:00, "
                    + "2026-11-01T08:00Z).")
    LocalDateTime since;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    /** Batch statuses and exit codes a run can have; anything else is a typo, not "no runs". */
    static final Set<String> STATUSES = RunStatuses.ALL;

    /** --status as the tables spell it, or null. */
    private String wanted;

    HistoryCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    void checkArguments() {
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1, got " + limit);
        }
        wanted = status == null ? null : status.trim().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw new UsageException("--status '" + status + "' is not a run status or exit code; one of: "
                    + String.join(", ", STATUSES));
        }
    }

    @Override
    int call(ConfigurableApplicationContext context) {
        var runs = context.getBean(AuditQueries.class).history(new HistoryFilter(limit, wanted, since));
        // The JSON mapper only for JSON: made on first use, it is a good part of a table's start-up.
        out.print(json ? new AuditRenderer(context.getBean(ObjectMapper.class)).json(runs)
                : AuditRenderer.tables().historyTable(runs));
        return ExitCodes.OK;
    }
}
