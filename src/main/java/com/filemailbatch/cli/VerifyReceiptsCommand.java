package com.filemailbatch.cli;

import com.filemailbatch.report.ReceiptCheck;
import com.filemailbatch.report.ReceiptVerifier;
import com.filemailbatch.settings.BatchSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code verify-receipts}: checks that no run receipt was altered or removed. */
@Command(name = "verify-receipts", mixinStandardHelpOptions = true,
        description = {"Checks the chain of run receipts (reports/run-<id>.json): every receipt recorded in the "
                + "database is present, unchanged (SHA-256) and names the SHA-256 of the receipt before it.",
                "Exits 0 with 'N receipts, chain intact', or " + ExitCodes.RECEIPTS_BROKEN
                        + " naming the first receipt that was altered or removed."})
final class VerifyReceiptsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the receipts are (default: the reports "
            + "directory, filemail.reports-dir).")
    Path dir;

    private final PrintStream out;
    private final PrintStream err;

    VerifyReceiptsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try (ApplicationStarter starter = new ApplicationStarter(common, err, false)) {
            ConfigurableApplicationContext context = starter.start();
            Path receipts = dir != null ? dir : Path.of(context.getBean(BatchSettings.class).reportsDir());
            ReceiptCheck check = context.getBean(ReceiptVerifier.class).verify(receipts);
            if (check.intact()) {
                out.println(check.describe());
                return ExitCodes.OK;
            }
            err.println("error: " + check.describe());
            return ExitCodes.RECEIPTS_BROKEN;
        }
    }
}
