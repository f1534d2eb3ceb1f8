package com.filemailbatch.dashboard;

import com.filemailbatch.audit.AuditQueries;
import com.filemailbatch.audit.RunDetails;
import com.filemailbatch.ledger.RunTransfers;
import com.filemailbatch.ledger.TransferRecord;
import com.filemailbatch.logging.SecretMask;
import com.filemailbatch.report.ReceiptVerifier;
import com.filemailbatch.settings.BatchSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /runs/{id}}: one run as {@code show} tells it, with its transfers' sizes and download links, what went
 * wrong in the words the command line uses, its receipt checked, and a live progress panel while it runs.
 */
@Controller
class RunDetailPage {

    static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");
    /** A Java exception's class name before its message: the command line never shows it, nor does the page. */
    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^(?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error): ");

    private final AuditQueries audit;
    private final RunTransfers transfers;
    private final ReceiptVerifier receipts;
    private final Path reportsDir;

    RunDetailPage(AuditQueries audit, RunTransfers transfers, ReceiptVerifier receipts, BatchSettings settings) {
        this.audit = audit;
        this.transfers = transfers;
        this.receipts = receipts;
        this.reportsDir = Path.of(settings.reportsDir());
    }

    /** A transfer of the run with what it delivered. @param downloadUrl null until it completed */
    record Transfer(TransferRecord record, String downloadUrl, long bytes) {
    }

    @GetMapping("/runs/{id}")
    String run(@PathVariable long id, Model model) {
        RunDetails details = audit.show(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no run " + id + "."));
        Map<String, RunTransfers.Delivered> delivered = transfers.delivered(details.transfers().stream()
                .map(TransferRecord::transferId).filter(Objects::nonNull).toList());
        List<Transfer> rows = details.transfers().stream().map(record -> {
            RunTransfers.Delivered d = record.transferId() == null ? null : delivered.get(record.transferId());
            return new Transfer(record, d == null ? null : d.downloadUrl(), d == null ? 0 : d.bytes());
        }).toList();
        model.addAttribute("details", details);
        model.addAttribute("run", details.run());
        model.addAttribute("transfers", rows);
        model.addAttribute("problem", problem(details.run().exitMessage()));
        model.addAttribute("running", RUNNING.contains(details.run().status()));
        model.addAttribute("receipt", receipts.ofRun(id, reportsDir));
        return "dashboard/run";
    }

    /** What went wrong, as the operator is told it: the message without the exception's class, secrets masked. */
    static String problem(String exitMessage) {
        if (exitMessage == null || exitMessage.isBlank()) {
            return null;
        }
        return SecretMask.mask(EXCEPTION_PREFIX.matcher(exitMessage.trim()).replaceFirst(""));
    }
}
