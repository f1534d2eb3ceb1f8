package com.filemailbatch.notifications;

import com.filemailbatch.jobs.Deadline.Overdue;
import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.NotifyEvent;
import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.Outcome;
import com.filemailbatch.journal.RunJournal;
import com.filemailbatch.launch.FailureMessages;
import com.filemailbatch.launch.Launch;
import com.filemailbatch.logging.SecretMask;
import com.filemailbatch.report.RunResults;
import com.filemailbatch.report.RunSummary;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import com.filemailbatch.send.SendJobParameters;
import com.filemailbatch.text.IsoTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/** Makes the notices: of a run that ended, of a launch that crashed, of a missed deadline. */
@Component
public class RunNotices {

    /** Rejected rows and cancelled references a notice lists; the report has them all. */
    static final int FIRST = 10;
    static final int DOWNLOADS = 20;

    private final JobRepository jobs;
    private final RunResults results;
    private final RunJournal journal;
    private final NotificationProperties properties;
    private final Clock clock;
    private final String dashboard;
    /** What every title starts with: runs against the sandbox say so. */
    private final String prefix;

    RunNotices(JobRepository jobs, RunResults results, RunJournal journal, NotificationProperties properties,
            Clock clock, NoticeContext context) {
        this.jobs = jobs;
        this.results = results;
        this.journal = journal;
        this.properties = properties;
        this.clock = clock;
        this.dashboard = context.dashboardUrl();
        this.prefix = context.sandbox() ? "[sandbox] " : "";
    }

    /** The event a launch's end is, or null when it notifies nothing (not started, or already complete). */
    public static NotifyEvent event(Launch launch) {
        return switch (launch.outcome()) {
            case COMPLETED -> NotifyEvent.SUCCESS;
            case COMPLETED_WITH_PROBLEMS -> NotifyEvent.PROBLEMS;
            case STOPPED, FAILED, FAILED_INPUT -> NotifyEvent.FAILURE;
            case ALREADY_COMPLETE, SKIPPED_LOCKED, SKIPPED_RUNNING -> null;
        };
    }

    /** The notice of a run that ended as {@code launch} says. */
    public Notice ofRun(JobDefinition definition, NotifyEvent event, Launch launch) {
        JobExecution run = jobs.getJobExecution(launch.executionId());
        RunSummary summary = results.summary(run);
        Map<String, Long> counts = counts(summary);
        List<Notice.Rejected> rejected = journal.first(run.getId(), Outcome.REJECTED, FIRST).stream()
                .map(RunNotices::rejected).toList();
        List<String> cancelled = journal.first(run.getId(), Outcome.CANCELLED, FIRST).stream()
                .map(JournalEntry::reference).toList();
        List<Notice.Download> downloads = properties.downloadLinks() && event != NotifyEvent.FAILURE
                ? results.deliveries(run.getId()).stream().limit(DOWNLOADS)
                        .map(d -> new Notice.Download(d.reference(), d.downloadUrl())).toList()
                : List.of();
        String error = launch.failure() == null ? null : SecretMask.mask(launch.failure());
        String status = launch.outcome() == Launch.Outcome.COMPLETED_WITH_PROBLEMS ? RunSummary.COMPLETED_WITH_PROBLEMS
                : run.getStatus().name();
        Long duration = run.getStartTime() == null || run.getEndTime() == null ? null
                : Duration.between(run.getStartTime(), run.getEndTime()).toSeconds();
        String title = prefix + definition.name() + ": run " + run.getId() + " " + switch (launch.outcome()) {
            case COMPLETED -> "completed";
            case COMPLETED_WITH_PROBLEMS -> "completed with problems (exit " + launch.exitCode() + "): "
                    + summary.rejected() + " rejected, " + summary.failed() + " failed, " + summary.deferred()
                    + " deferred";
            case STOPPED -> "was stopped before completing (exit " + launch.exitCode() + "); its next launch "
                    + "resumes it";
            default -> "failed (exit " + launch.exitCode() + ")";
        };
        String input = run.getJobParameters().getString(SendJobParameters.INPUT);
        String runDate = run.getJobParameters().getString(SendJobParameters.RUN_DATE);
        StringBuilder text = new StringBuilder(title).append('\n');
        line(text, "Job", definition.job().jobName() + (input == null ? "" : ", input " + input)
                + (runDate == null ? "" : ", run date " + runDate));
        line(text, "Status", status + ", exit code " + launch.exitCode()
                + (duration == null ? "" : ", " + duration + " s"));
        line(text, "Error", error);
        line(text, "Counts", countsLine(counts));
        if (!rejected.isEmpty()) {
            text.append("First rejected rows:\n");
            rejected.forEach(r -> text.append("  line ").append(r.line()).append(r.column() == null ? ""
                    : ", column " + r.column()).append(": ").append(r.reason()).append('\n'));
        }
        if (!cancelled.isEmpty()) {
            line(text, "Cancelled", String.join(", ", cancelled) + (summary.cancelled() > cancelled.size()
                    ? " and " + (summary.cancelled() - cancelled.size()) + " more" : ""));
        }
        downloads.forEach(d -> line(text, "Download " + d.reference(), d.downloadUrl()));
        String link = link(run.getId());
        line(text, "Run page", link);
        line(text, "Host", host());
        return new Notice(event.key(), title, text.toString(), definition.name(), definition.job().jobName(), input,
                runDate, run.getId(), status, launch.exitCode(), time(run.getStartTime()), time(run.getEndTime()),
                duration, counts, rejected, cancelled, downloads, error, null, null, null, null, null, host(), link,
                now());
    }

    /** The notice of a launch that threw before it ended: no run to tell of, only the error. */
    public Notice ofCrash(JobDefinition definition, Exception error) {
        String message = SecretMask.mask(FailureMessages.rootMessage(error));
        String title = prefix + definition.name() + ": launch failed: " + message;
        StringBuilder text = new StringBuilder(title).append('\n');
        line(text, "Job", definition.job().jobName());
        line(text, "Host", host());
        return new Notice(NotifyEvent.FAILURE.key(), title, text.toString(), definition.name(),
                definition.job().jobName(), null, null, null, "NOT_STARTED", null, null, null, null, null, null,
                null, null, message, null, null, null, null, null, host(), null, now());
    }

    /** The notice of a scheduled definition that did not complete within its deadline. */
    public Notice ofMissed(JobDefinition definition, Overdue overdue) {
        String fire = overdue.fire().atZone(definition.zone()).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS)
                + " " + definition.zone();
        String title = prefix + definition.name() + ": missed: no run completed within " + definition.deadline()
                + " of its schedule's fire time " + fire;
        StringBuilder text = new StringBuilder(title).append('\n');
        line(text, "Job", definition.job().jobName() + ", schedule '" + definition.schedule() + "' ("
                + definition.zone() + ")");
        line(text, "Due by", time(overdue.dueBy()));
        line(text, "Last completed run", overdue.lastSuccess() == null ? "none recorded" : time(overdue.lastSuccess()));
        text.append("Is serve running? Is a run hanging, or holding the lock? See: filemail-batch history\n");
        line(text, "Host", host());
        return new Notice(NotifyEvent.MISSED.key(), title, text.toString(), definition.name(),
                definition.job().jobName(), null, null, null, null, null, null, null, null, null, null, null, null,
                null, definition.schedule(), definition.zone().getId(), time(overdue.fire()), time(overdue.dueBy()),
                time(overdue.lastSuccess()), host(), null, now());
    }

    private static Map<String, Long> counts(RunSummary s) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (s.jobName().equals("sendTransfersJob")) {
            counts.put("rowsRead", s.rowsRead());
            put(counts, "resumed", s.resumed());
            counts.put("initialized", s.initialized());
            put(counts, "adopted", s.adopted());
            counts.put("completed", s.completed());
            put(counts, "alreadySent", s.alreadySent());
            put(counts, "duplicates", s.duplicates());
            counts.put("rejected", s.rejected());
        }
        counts.put("failed", s.failed());
        put(counts, "deferred", s.deferred());
        counts.put("cancelled", s.cancelled());
        put(counts, "foundCompleted", s.foundCompleted());
        put(counts, "foundExpired", s.foundExpired());
        put(counts, "bytesSent", s.bytesSent());
        return counts;
    }

    private static void put(Map<String, Long> counts, String name, long value) {
        if (value != 0) {
            counts.put(name, value);
        }
    }

    private static String countsLine(Map<String, Long> counts) {
        StringJoiner line = new StringJoiner(", ");
        counts.forEach((name, value) -> line.add(name + " " + value));
        return line.toString();
    }

    private static Notice.Rejected rejected(JournalEntry entry) {
        return new Notice.Rejected(entry.sourceLine(), entry.columnName(), entry.reference(),
                SecretMask.mask(entry.reason()));
    }

    private String link(long executionId) {
        return dashboard.isEmpty() ? null : dashboard + "/runs/" + executionId;
    }

    private static void line(StringBuilder text, String name, String value) {
        if (value != null && !value.isEmpty()) {
            text.append(name).append(": ").append(value).append('\n');
        }
    }

    private String now() {
        return time(clock.instant());
    }

    private static String time(Instant at) {
        return IsoTime.of(at);
    }

    private static String time(LocalDateTime at) {
        // Spring Batch keeps local date-times of this JVM's zone.
        return at == null ? null : time(at.atZone(java.time.ZoneId.systemDefault()).toInstant());
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }
}
