package com.filemailbatch.audit;

import com.filemailbatch.terminal.Visible;
import com.filemailbatch.journal.JournalEntry;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/** Renders the audit view as a plain table for people or as JSON for scripts. */
public final class AuditRenderer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ObjectMapper json;

    /**
     * The job repository's times are the local times of the machine that ran the job: in JSON they carry its offset,
     * to the millisecond ({@code 2026-11-30T13:53:57.951+01:00}), so that a script elsewhere reads the instant.
     */
    private static final DateTimeFormatter JSON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
            Locale.ROOT);

    /** A renderer of tables only: {@link #json} is refused (so a command printing a table needs no JSON mapper). */
    public static AuditRenderer tables() {
        return new AuditRenderer();
    }

    private AuditRenderer() {
        this.json = null;
    }

    public AuditRenderer(ObjectMapper json) {
        this.json = json.rebuild().addModule(new SimpleModule("local-times-with-offset")
                .addSerializer(LocalDateTime.class, new ValueSerializer<LocalDateTime>() {
                    @Override
                    public void serialize(LocalDateTime time, JsonGenerator generator, SerializationContext context) {
                        generator.writeString(JSON_TIME.format(time.atZone(ZoneId.systemDefault())));
                    }
                })).build();
    }

    public String json(Object value) {
        if (json == null) {
            throw new IllegalStateException("a renderer of tables only");
        }
        // JSON escapes C0 controls itself but writes bidi controls, DEL and C1 raw: those are escaped the JSON way.
        return Visible.lines(json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value))
                + System.lineSeparator();
    }

    public String historyTable(List<RunRecord> runs) {
        if (runs.isEmpty()) {
            return "No runs recorded yet." + System.lineSeparator();
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-6s %-25s %-10s %-24s %-19s %-19s %s%n",
                "RUN", "JOB", "STATUS", "EXIT CODE", "STARTED", "ENDED", "INPUT / OUTCOMES"));
        for (RunRecord run : runs) {
            out.append(String.format(Locale.ROOT, "%-6d %-25s %-10s %-24s %-19s %-19s %s%n", run.executionId(),
                    run.jobName(), run.status(), run.exitCode(), time(run.startTime()), time(run.endTime()),
                    describe(run)));
        }
        return out.toString();
    }

    public String details(RunDetails details) {
        RunRecord run = details.run();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Run %d of %s: %s (exit code %s)%n", run.executionId(), run.jobName(),
                run.status(), run.exitCode()));
        if (run.exitMessage() != null) {
            out.append("  ").append(Visible.text(run.exitMessage())).append(System.lineSeparator());
        }
        out.append(String.format(Locale.ROOT, "  started %s, ended %s%n", time(run.startTime()),
                time(run.endTime())));
        out.append("Parameters:").append(System.lineSeparator());
        details.parameters().forEach((name, value) -> out.append(String.format(Locale.ROOT, "  %-12s %s%n",
                Visible.text(name), Visible.text(value))));
        out.append("Steps:").append(System.lineSeparator());
        // Wide enough for a partition's step (uploadPartitionStep:run12345-p15) too.
        int width = Math.max(26, details.steps().stream().mapToInt(step -> step.stepName().length()).max().orElse(0));
        out.append(String.format(Locale.ROOT, "  %-" + width + "s %-10s %8s %8s %8s %8s %8s %9s%n", "STEP", "STATUS",
                "READ", "WRITTEN", "SKIPPED", "FILTERED", "COMMITS", "ROLLBACKS"));
        details.steps().forEach(step -> out.append(String.format(Locale.ROOT,
                "  %-" + width + "s %-10s %8d %8d %8d %8d %8d %9d%n", step.stepName(), step.status(), step.readCount(),
                step.writeCount(), step.skipCount(), step.filterCount(), step.commitCount(), step.rollbackCount())));
        if (!run.partitions().isEmpty()) {
            out.append(workers(run.partitions()));
        }
        out.append("Ledger rows last touched by this run:").append(System.lineSeparator());
        if (details.ledgerStatuses().isEmpty()) {
            out.append("  none").append(System.lineSeparator());
        }
        details.ledgerStatuses().forEach((status, count) -> out.append(String.format(Locale.ROOT, "  %-16s %,10d%n",
                status, count)));
        out.append("Outcomes:").append(System.lineSeparator());
        run.outcomes().forEach((outcome, count) -> out.append(String.format(Locale.ROOT, "  %-16s %,10d%n",
                outcome, count)));
        if (!details.rejected().isEmpty()) {
            out.append("Rejected rows:").append(System.lineSeparator());
            for (JournalEntry row : details.rejected()) {
                out.append(String.format(Locale.ROOT, "  line %s, column %s: %s%n",
                        row.sourceLine() == null ? "-" : row.sourceLine(),
                        row.columnName() == null ? "-" : "'" + Visible.text(row.columnName()) + "'",
                        Visible.text(row.reason())));
            }
        }
        if (!details.transfers().isEmpty()) {
            out.append("Transfers recorded by this run:").append(System.lineSeparator());
            out.append(String.format(Locale.ROOT, "  %-6s %-12s %-24s %s%n", "LINE", "STATUS", "TRANSFER ID",
                    "REFERENCE"));
            details.transfers().forEach(t -> out.append(String.format(Locale.ROOT, "  %-6s %-12s %-24s %s%n",
                    t.sourceLine() == null ? "-" : t.sourceLine(), t.status(),
                    t.transferId() == null ? "-" : Visible.text(t.transferId()), Visible.text(t.reference()))));
        }
        return out.toString();
    }

    /** The upload partitions of a run with workers: who ran which, what it sent, how long it took. */
    static String workers(List<PartitionRecord> partitions) {
        StringBuilder out = new StringBuilder("Workers (upload partitions):").append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, "  %-16s %-24s %-10s %-10s %9s %15s %10s %8s%n", "PARTITION", "WORKER",
                "STATE", "OUTCOME", "TRANSFERS", "BYTES", "DURATION", "ATTEMPTS"));
        for (PartitionRecord p : partitions) {
            out.append(String.format(Locale.ROOT, "  %-16s %-24s %-10s %-10s %,9d %,15d %10s %8d%n",
                    Visible.text(p.partition()), p.worker() == null ? "-" : Visible.text(p.worker()), p.state(),
                    p.outcome() == null ? "-" : p.outcome(), p.transfers(), p.bytesSent(), duration(p.durationMs()),
                    p.attempts()));
        }
        return out.toString();
    }

    /** {@code 850ms}, {@code 42.3s}, {@code 1h02m07s}: short enough for a column, exact enough to compare workers. */
    static String duration(Long millis) {
        if (millis == null) {
            return "-";
        }
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm%02ds", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }

    private static String describe(RunRecord run) {
        StringBuilder text = new StringBuilder();
        if (run.input() != null) {
            text.append(Visible.text(run.input())).append(" @ ").append(run.runDate()).append(run.dryRun() ? " (dry run)" : "");
        }
        for (Map.Entry<String, Long> outcome : run.outcomes().entrySet()) {
            text.append(text.isEmpty() ? "" : ", ").append(outcome.getKey().toLowerCase(Locale.ROOT)).append(' ')
                    .append(outcome.getValue());
        }
        return text.toString();
    }

    private static String time(LocalDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }
}
