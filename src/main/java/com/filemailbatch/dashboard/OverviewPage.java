package com.filemailbatch.dashboard;

import com.filemailbatch.audit.AuditQueries;
import com.filemailbatch.audit.RunQuery;
import com.filemailbatch.audit.RunRecord;
import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.liveness.RunLock;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /}: every definition with its schedule, next fire, last run, lock holder and its last 30 nights. */
@Controller
class OverviewPage {

    private final DashboardDefinitions definitions;
    private final AuditQueries audit;
    private final RunLock locks;
    private final Clock clock;

    OverviewPage(DashboardDefinitions definitions, AuditQueries audit, RunLock locks, Clock clock) {
        this.definitions = definitions;
        this.audit = audit;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * One definition as the overview shows it.
     *
     * @param nextFire  its schedule's next fire time in its zone, or null without a schedule
     * @param lastRun   its newest run, or null
     * @param lockedBy  who holds its job's lock now (host:pid), or null
     */
    record Row(JobDefinition definition, ZonedDateTime nextFire, RunRecord lastRun, String lockedBy,
            NightChart.Chart chart) {
    }

    @GetMapping("/")
    String overview(Model model) {
        LocalDateTime monthAgo = LocalDateTime.now(clock.withZone(ZoneId.systemDefault())).minusDays(NightChart.DAYS);
        List<Row> rows = definitions.all().stream().map(definition -> {
            String input = definition.input() == null ? null : definition.input().toString();
            List<RunRecord> runs = audit.search(new RunQuery(null, definition.name(), input, null, monthAgo, null,
                    null, 0, 500)).runs();
            RunRecord last = runs.isEmpty() ? audit.search(new RunQuery(null, definition.name(), input, null, null,
                    null, null, 0, 1)).runs().stream().findFirst().orElse(null) : runs.get(0);
            ZonedDateTime next = definition.schedule() == null ? null : CronExpression.parse(definition.schedule())
                    .next(ZonedDateTime.now(clock.withZone(definition.zone())));
            String holder = locks.holder(definition.job().jobName()).filter(h -> h.heldAt(clock.instant()))
                    .map(RunLock.Holder::lockedBy).orElse(null);
            return new Row(definition, next, last, holder,
                    NightChart.of(runs, LocalDate.now(clock.withZone(ZoneId.systemDefault()))));
        }).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("recent", audit.search(RunQuery.newest(10)).runs());
        return "dashboard/overview";
    }
}
