package com.filemailbatch.notifications;

import com.filemailbatch.jobs.Notify.WebhookFormat;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Turns a notice into what a channel sends, and back from the outbox's JSON. */
@Component
class NoticeRenderer {

    private final ObjectMapper json;

    NoticeRenderer(ObjectMapper json) {
        this.json = json;
    }

    String stored(Notice notice) {
        return json.writeValueAsString(notice);
    }

    Notice read(String stored) {
        return json.readValue(stored, Notice.class);
    }

    /** The webhook's body: the whole document with its id first, or the chat message. */
    String webhookBody(String id, String format, Notice notice) {
        if (WebhookFormat.valueOf(format.toUpperCase(Locale.ROOT)) == WebhookFormat.CHAT) {
            ObjectNode chat = json.createObjectNode();
            chat.put("text", notice.text());
            return json.writeValueAsString(chat);
        }
        ObjectNode document = json.createObjectNode();
        document.put("id", id);
        document.setAll((ObjectNode) json.valueToTree(notice));
        return json.writeValueAsString(document);
    }

    String subject(Notice notice) {
        return "[filemail-batch] " + notice.title();
    }

    String emailBody(String id, Notice notice) {
        return notice.text() + "\n--\nfilemail-batch notification " + id + " (" + notice.event() + ", raised "
                + notice.raisedAt() + ")\n";
    }
}
