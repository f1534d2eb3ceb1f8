package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.audit.AuditRenderer;
import com.filemailbatch.notifications.DeliveryLines;
import com.filemailbatch.notifications.NotificationDelivery;
import com.filemailbatch.notifications.NotificationOutbox;
import com.filemailbatch.notifications.OutboxEntry;
import com.filemailbatch.notifications.OutboxStatus;
import com.filemailbatch.terminal.Visible;
import com.filemailbatch.text.IsoTime;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;

/** {@code notifications}: what was notified, what waits in the outbox, and what was given up. */
@Command(name = "notifications", mixinStandardHelpOptions = true,
        description = {"Lists the notifications (newest first): delivered, pending (retried with backoff by the next "
                + "run, serve or check) and given up (after filemail.notify.give-up-after).",
                "A webhook shows as its scheme and host only: its path often holds its token."})
final class NotificationsCommand extends ContextCommand {

    @Option(names = "--status", paramLabel = "S", description = "Only these: pending, delivered or given-up.")
    String status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many (default: "
            + "${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--deliver", description = "First attempt every pending notification now, without waiting for "
            + "its next attempt time (for filemail.notify.deliver-within at most).")
    boolean deliver;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    private OutboxStatus wanted;

    NotificationsCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    void checkArguments() {
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1, got " + limit);
        }
        if (status != null) {
            wanted = Arrays.stream(OutboxStatus.values()).filter(s -> s.key().equals(status.trim().toLowerCase(
                    Locale.ROOT))).findFirst().orElseThrow(() -> new UsageException("--status '" + status + "' is "
                    + "not one of " + Arrays.stream(OutboxStatus.values()).map(OutboxStatus::key)
                    .collect(Collectors.joining(", "))));
        }
    }

    @Override
    int call(ConfigurableApplicationContext context) {
        if (deliver) {
            DeliveryLines.print(context.getBean(NotificationDelivery.class).deliverPendingNow(), json ? err : out);
        }
        List<OutboxEntry> entries = context.getBean(NotificationOutbox.class).list(wanted, limit);
        if (json) {
            out.print(new AuditRenderer(context.getBean(ObjectMapper.class)).json(entries.stream()
                    .map(NotificationsCommand::document).toList()));
        } else if (entries.isEmpty()) {
            out.println(wanted == null ? "No notification recorded yet." : "No " + wanted.key() + " notification.");
        } else {
            String format = "%-8s %-20s %-8s %-20s %-5s %-7s %-30s %-9s %-3s %s%n";
            String row = format.replace("%n", "");
            out.printf(Locale.ROOT, format, "ID", "RAISED", "EVENT", "DEFINITION", "RUN", "CHANNEL", "TO", "STATUS",
                    "TRY", "DELIVERED / LAST ERROR");
            for (OutboxEntry entry : entries) {
                out.println(Visible.text(String.format(Locale.ROOT, row, entry.id().substring(0, 8),
                        IsoTime.orDash(entry.createdAt()), entry.event().key(), entry.definition(),
                        entry.executionId() == null ? "-" : entry.executionId(), entry.channel().key(),
                        entry.shownTarget(), entry.status().key(), entry.attempts(),
                        entry.status() == OutboxStatus.DELIVERED ? IsoTime.orDash(entry.deliveredAt())
                                : entry.lastError() == null ? "next attempt " + IsoTime.orDash(entry.nextAttemptAt())
                                : entry.lastError())));
            }
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> document(OutboxEntry entry) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", entry.id());
        document.put("raisedAt", IsoTime.of(entry.createdAt()));
        document.put("event", entry.event().key());
        document.put("definition", entry.definition());
        document.put("executionId", entry.executionId());
        document.put("channel", entry.channel().key());
        document.put("to", entry.shownTarget());
        document.put("status", entry.status().key());
        document.put("attempts", entry.attempts());
        document.put("nextAttemptAt", entry.status() == OutboxStatus.PENDING ? IsoTime.of(entry.nextAttemptAt()) : null);
        document.put("deliveredAt", IsoTime.of(entry.deliveredAt()));
        document.put("lastError", entry.lastError());
        return document;
    }
}
