package com.filemailbatch.notifications;

import com.filemailbatch.notifications.NotificationDelivery.Attempt;
import com.filemailbatch.terminal.Visible;
import java.io.PrintStream;
import java.util.List;

/** The console lines of a delivery: one per notification attempted. */
public final class DeliveryLines {

    private DeliveryLines() {
    }

    public static void print(List<Attempt> attempts, PrintStream out) {
        for (Attempt attempt : attempts) {
            OutboxEntry entry = attempt.entry();
            String what = "Notification " + entry.id().substring(0, 8) + " (" + entry.event().key() + " of "
                    + entry.definition() + ") by " + entry.channel().key() + " to " + entry.shownTarget() + ": ";
            if (attempt.error() == null) {
                out.println(Visible.text(what + "delivered."));
            } else if (attempt.givenUp()) {
                out.println(Visible.text(what + "given up (" + attempt.error() + ")."));
            } else {
                out.println(Visible.text(what + "not delivered (" + attempt.error() + "); it stays in the outbox "
                        + "and the next launch, serve or check retries it. See: filemail-batch notifications"));
            }
        }
    }
}
