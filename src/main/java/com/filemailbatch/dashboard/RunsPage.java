package com.filemailbatch.dashboard;

import com.filemailbatch.audit.AuditQueries;
import com.filemailbatch.audit.RunPage;
import com.filemailbatch.audit.RunQuery;
import com.filemailbatch.audit.RunStatuses;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /runs}: every run, newest first, filtered by job, definition, status, dates and input file; paged. */
@Controller
class RunsPage {

    static final int PAGE_SIZE = 50;

    private final AuditQueries audit;
    private final DashboardDefinitions definitions;

    RunsPage(AuditQueries audit, DashboardDefinitions definitions) {
        this.audit = audit;
        this.definitions = definitions;
    }

    @GetMapping("/runs")
    String runs(@RequestParam(required = false) String job, @RequestParam(required = false) String definition,
            @RequestParam(required = false) String status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String input,
            @RequestParam(defaultValue = "1") int page, Model model) {
        List<String> problems = new ArrayList<>();
        String wanted = FilterValues.blank(status) ? null : status.trim().toUpperCase(Locale.ROOT);
        if (wanted != null && !RunStatuses.ALL.contains(wanted)) {
            problems.add("Status '" + status + "' is not a run status or exit code; one of: "
                    + String.join(", ", RunStatuses.ALL) + ".");
            wanted = null;
        }
        LocalDate since = FilterValues.date("From", from, problems);
        LocalDate until = FilterValues.date("To", to, problems);
        int current = Math.max(1, page);
        String definitionInput = FilterValues.blank(definition) ? null : definitions.named(definition.trim())
                .map(d -> d.input() == null ? null : d.input().toString()).orElse(null);
        RunPage runs = audit.search(new RunQuery(FilterValues.blank(job) ? null : job.trim(),
                FilterValues.blank(definition) ? null : definition.trim(), definitionInput, wanted, since == null ? null : since.atStartOfDay(),
                until == null ? null : until.plusDays(1).atStartOfDay(), FilterValues.blank(input) ? null : input.trim(),
                (current - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("runs", runs.runs());
        model.addAttribute("total", runs.total());
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (runs.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("problems", problems);
        model.addAttribute("statuses", RunStatuses.ALL);
        model.addAttribute("definitions", definitions.all());
        model.addAttribute("filter", new Filter(job, definition, status, from, to, input));
        return "dashboard/runs";
    }

    /** The filters as typed, to fill the form again and to build the paging links. */
    record Filter(String job, String definition, String status, String from, String to, String input) {
    }
}
