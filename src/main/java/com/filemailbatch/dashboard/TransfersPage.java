package com.filemailbatch.dashboard;

import com.filemailbatch.journal.RunJournal;
import com.filemailbatch.ledger.TransferSearch;
import com.filemailbatch.ledger.TransferStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /transfers}: the ledger searched by reference, recipient, subject, status and date of last change; and
 * {@code /transfers/{id}}: one transfer with its files and every run that touched it.
 */
@Controller
class TransfersPage {

    static final int PAGE_SIZE = 50;
    static final int HISTORY = 200;

    private final TransferSearch search;
    private final RunJournal journal;

    TransfersPage(TransferSearch search, RunJournal journal) {
        this.search = search;
        this.journal = journal;
    }

    @GetMapping("/transfers")
    String transfers(@RequestParam(required = false) String reference,
            @RequestParam(required = false) String recipient, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "1") int page, Model model) {
        List<String> problems = new ArrayList<>();
        TransferStatus wanted = null;
        if (!FilterValues.blank(status)) {
            try {
                wanted = TransferStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("Status '" + status + "' is not a transfer status; one of: "
                        + String.join(", ", Arrays.stream(TransferStatus.values()).map(Enum::name).toList()) + ".");
            }
        }
        LocalDate since = FilterValues.date("From", from, problems);
        LocalDate until = FilterValues.date("To", to, problems);
        int current = Math.max(1, page);
        ZoneId zone = ZoneId.systemDefault();
        TransferSearch.Page rows = search.search(new TransferSearch.Query(FilterValues.blank(reference) ? null : reference.trim(),
                FilterValues.blank(recipient) ? null : recipient.trim(), FilterValues.blank(subject) ? null : subject.trim(), wanted,
                since == null ? null : since.atStartOfDay(zone).toInstant(),
                until == null ? null : until.plusDays(1).atStartOfDay(zone).toInstant(), (current - 1) * PAGE_SIZE,
                PAGE_SIZE));
        model.addAttribute("rows", rows.rows());
        model.addAttribute("total", rows.total());
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (rows.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("problems", problems);
        model.addAttribute("statuses", Arrays.stream(TransferStatus.values()).map(Enum::name).toList());
        model.addAttribute("filter", new Filter(reference, recipient, subject, status, from, to));
        return "dashboard/transfers";
    }

    /** The filters as typed. */
    record Filter(String reference, String recipient, String subject, String status, String from, String to) {
    }

    @GetMapping("/transfers/{id}")
    String transfer(@PathVariable long id, Model model) {
        TransferSearch.Row row = search.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no transfer " + id + " in the ledger."));
        model.addAttribute("transfer", row);
        model.addAttribute("files", search.files(id));
        model.addAttribute("history", journal.ofReference(row.reference(), HISTORY));
        model.addAttribute("cancellable", row.status().equals(TransferStatus.INITIALIZED.name())
                || row.status().equals(TransferStatus.UPLOADING.name()));
        return "dashboard/transfer";
    }
}
