package com.filemailbatch.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * POSTs a notification to its webhook. Any 2xx answer delivers it; anything else (a redirect too: it is not
 * followed, so that the body never goes where it was not configured to) is a failure retried later. The
 * notification's id is in the {@code X-Filemail-Batch-Notification-Id} header.
 */
@Component
class WebhookSender implements ChannelSender {

    static final String ID_HEADER = "X-Filemail-Batch-Notification-Id";
    static final String EVENT_HEADER = "X-Filemail-Batch-Event";

    private final NoticeRenderer renderer;
    private final NotificationProperties properties;
    private final HttpClient client;

    WebhookSender(NoticeRenderer renderer, NotificationProperties properties) {
        this.renderer = renderer;
        this.properties = properties;
        this.client = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(OutboxEntry entry, Notice notice) throws DeliveryFailure {
        HttpRequest request = HttpRequest.newBuilder(URI.create(entry.target()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "filemail-batch")
                .header(ID_HEADER, entry.id())
                .header(EVENT_HEADER, entry.event().key())
                .POST(HttpRequest.BodyPublishers.ofString(renderer.webhookBody(entry.id(), entry.format(), notice),
                        StandardCharsets.UTF_8))
                .build();
        int status;
        try {
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailure("no answer within " + properties.timeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new DeliveryFailure("cannot reach " + entry.shownTarget() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("no answer before the command exited (filemail.notify.deliver-within)");
        }
        if (status < 200 || status > 299) {
            throw new DeliveryFailure("HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)"
                    : ""));
        }
    }
}
