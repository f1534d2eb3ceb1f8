package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.audit.AuditRenderer;
import com.filemailbatch.report.ReceiptCheck;
import com.filemailbatch.report.ReceiptVerifier;
import com.filemailbatch.settings.BatchSettings;
import com.filemailbatch.terminal.Visible;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;

/** {@code verify-receipts}: checks that no run receipt was altered or removed. */
@Command(name = "verify-receipts", mixinStandardHelpOptions = true,
        description = {"Checks the chain of run receipts (reports/run-<id>.json): every receipt recorded in the "
                + "database is present, unchanged (SHA-256) and names the SHA-256 of the receipt before it; every "
                + "receipt file names the SHA-256 of the file before it; and every receipt file in the directory "
                + "is one the database records.",
                "Exits 0 with 'N receipts, chain intact', or " + ExitCodes.RECEIPTS_BROKEN
                        + " naming the first receipt that was altered or removed, then any other problem found."})
final class VerifyReceiptsCommand extends ContextCommand {

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the receipts are (default: the reports "
            + "directory, filemail.reports-dir).")
    Path dir;

    @Option(names = "--json", description = "Print the result as JSON on standard output (receipts, intact, "
            + "problems); the lines for people go to standard error.")
    boolean json;

    VerifyReceiptsCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.of(ExitCodes.OK, ExitCodes.RECEIPTS_BROKEN, ExitCodes.USAGE, ExitCodes.CONFIG)
                .with(ExitCodes.OK, "the chain is intact")
                .with(ExitCodes.RECEIPTS_BROKEN, "a receipt was altered or removed");
    }

    @Override
    int call(ConfigurableApplicationContext context) {
        Path receipts = dir != null ? dir : Path.of(context.getBean(BatchSettings.class).reportsDir());
        ReceiptCheck check = context.getBean(ReceiptVerifier.class).verify(receipts);
        if (json) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("receipts", check.receipts());
            answer.put("intact", check.intact());
            answer.put("problems", check.problems());
            out.print(new AuditRenderer(context.getBean(ObjectMapper.class)).json(answer));
        }
        if (check.intact()) {
            // A receipt is a file anyone with access to the directory can edit.
            (json ? err : out).println(Visible.text(check.describe()));
            return ExitCodes.OK;
        }
        check.problems().forEach(problem -> err.println("error: " + Visible.text(problem)));
        return ExitCodes.RECEIPTS_BROKEN;
    }
}
