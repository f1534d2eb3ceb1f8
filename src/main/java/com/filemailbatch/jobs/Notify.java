package com.filemailbatch.jobs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whom a definition notifies, and when: its {@code notify.*} keys, or the configuration's {@code filemail.notify.*}
 * defaults. A null component is not set, and falls back to the default's in {@link #orElse(Notify)}.
 *
 * @param on            the events that notify
 * @param webhook       where the webhook posts (http or https), or null
 * @param webhookFormat the webhook's body
 * @param email         the addresses e-mailed; empty for none
 */
public record Notify(Set<NotifyEvent> on, URI webhook, WebhookFormat webhookFormat, List<String> email) {

    /** The events notified when neither the definition nor the configuration says. */
    public static final Set<NotifyEvent> DEFAULT_EVENTS = EnumSet.of(NotifyEvent.FAILURE, NotifyEvent.PROBLEMS,
            NotifyEvent.MISSED);

    /** Nothing set. */
    public static final Notify UNSET = new Notify(null, null, null, null);

    /** An address as a person writes it: no display name, no list; what SMTP servers accept of a recipient. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>\"()\\[\\]]+@[^@\\s,;<>\"()\\[\\]]+\\.[^@\\s,;<>"
            + "\"()\\[\\].]+");

    /** The body a webhook posts. */
    public enum WebhookFormat {
        /** The whole notification as a JSON document (its fields are in docs/notifications.md). */
        JSON,
        /**
         * {@code {"text": "…"}}: the message alone, as Slack, Mattermost and Microsoft Teams incoming webhooks take
         * it.
         */
        CHAT;

        /** @throws IllegalArgumentException naming the accepted values */
        static WebhookFormat parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + value.trim() + "' is not a format; use json or chat");
            }
        }
    }

    /** This one's settings, each unset one taken from {@code defaults}. */
    public Notify orElse(Notify defaults) {
        return new Notify(on != null ? on : defaults.on, webhook != null ? webhook : defaults.webhook,
                webhookFormat != null ? webhookFormat : defaults.webhookFormat,
                email != null ? email : defaults.email);
    }

    /** The events that notify, the built-in ones when none was set. */
    public Set<NotifyEvent> events() {
        return on != null ? on : DEFAULT_EVENTS;
    }

    /** Whether {@code event} notifies someone: it is one of the events, and a channel is set. */
    public boolean notifies(NotifyEvent event) {
        return events().contains(event) && (webhook != null || (email != null && !email.isEmpty()));
    }

    /** The format of the webhook's body, JSON when not set. */
    public WebhookFormat format() {
        return webhookFormat != null ? webhookFormat : WebhookFormat.JSON;
    }

    /**
     * Reads the values of the keys {@code on}, {@code webhook}, {@code webhook-format} and {@code email} (null or blank
     * when not given).
     *
     * @throws IllegalArgumentException whose message starts with the key at fault, such as {@code on: …}
     */
    public static Notify parse(String on, String webhook, String webhookFormat, String email) {
        return new Notify(blank(on) ? null : events(on), blank(webhook) ? null : webhook(webhook),
                blank(webhookFormat) ? null : format(webhookFormat), blank(email) ? null : addresses(email));
    }

    private static Set<NotifyEvent> events(String value) {
        Set<NotifyEvent> events = EnumSet.noneOf(NotifyEvent.class);
        try {
            for (String event : value.split(",")) {
                if (!event.isBlank() && !event.trim().equalsIgnoreCase("none")) {
                    events.add(NotifyEvent.parse(event));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("on: " + e.getMessage() + " (or none)");
        }
        return events;
    }

    private static URI webhook(String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("webhook: not an http or https address such as "
                        + "https://hooks.example.com/services/...");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("webhook: not an address (" + e.getReason() + " at index "
                    + e.getIndex() + ")");
        }
    }

    private static WebhookFormat format(String value) {
        try {
            return WebhookFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook-format: " + e.getMessage());
        }
    }

    private static List<String> addresses(String value) {
        List<String> addresses = new ArrayList<>();
        for (String address : Arrays.stream(value.split("[,;]")).map(String::trim).filter(a -> !a.isEmpty())
                .toList()) {
            if (!ADDRESS.matcher(address).matches()) {
                throw new IllegalArgumentException("email: '" + address + "' is not an address such as "
                        + "ops@example.com (separate several with commas)");
            }
            addresses.add(address);
        }
        return List.copyOf(addresses);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
