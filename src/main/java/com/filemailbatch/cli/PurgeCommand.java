package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.audit.AuditRenderer;
import com.filemailbatch.audit.HistoryPurge;
import com.filemailbatch.audit.PurgeResult;
import com.filemailbatch.database.DatabaseCompaction;
import com.filemailbatch.text.IsoTime;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;

/** {@code purge}: retention of the job history and the ledger. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = {"Deletes job history (BATCH_* rows, run journal) of runs that ended longer ago than "
                + "--older-than, and ledger rows of final transfers (completed, cancelled, expired, rejected) not "
                + "touched since. Keeps ledger rows whose transfer is not final and the runs they name, and never "
                + "touches a running execution or the receipts. One transaction."})
final class PurgeCommand extends ContextCommand {

    @Option(names = "--older-than", paramLabel = "DURATION", required = true,
            converter = Converters.AgeConverter.class,
            description = "Age of what is deleted: 90d, 12h, 30m, or ISO-8601 such as P90D.")
    Duration olderThan;

    @Option(names = "--dry-run", description = "Report what would be deleted, delete nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result as JSON on standard output (cutoff, dryRun, deleted "
            + "rows per table, kept runs); the lines for people go to standard error.")
    boolean json;

    PurgeCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    int call(ConfigurableApplicationContext context) {
        PurgeResult result = context.getBean(HistoryPurge.class).purge(Instant.now().minus(olderThan), dryRun);
        if (json) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("cutoff", IsoTime.of(result.cutoff()));
            answer.put("dryRun", result.dryRun());
            answer.put("deleted", result.deleted());
            answer.put("kept", result.kept());
            out.print(new AuditRenderer(context.getBean(ObjectMapper.class)).json(answer));
        }
        (json ? err : out).print(describe(result));
        if (!dryRun) {
            // What a purge deletes leaves its pages dead in an H2 file: last, since a compaction closes it.
            DatabaseCompaction.atExit(context, err);
        }
        return ExitCodes.OK;
    }

    static String describe(PurgeResult result) {
        StringBuilder text = new StringBuilder(result.dryRun()
                ? "Dry run, nothing deleted. A purge would delete, older than " + result.cutoff() + ":"
                : "Deleted, older than " + result.cutoff() + ":").append(System.lineSeparator());
        result.deleted().forEach((table, count) -> text.append(String.format(Locale.ROOT, "  %-30s %,10d%n", table,
                count)));
        if (result.kept() > 0) {
            text.append(String.format(Locale.ROOT, "  kept %d older run(s): running, or named by ledger rows whose "
                    + "transfer is not final%n", result.kept()));
        }
        return text.toString();
    }
}
