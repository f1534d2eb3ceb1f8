package com.filemailbatch.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.jobs.Notify;
import com.filemailbatch.jobs.NotifyEvent;
import com.filemailbatch.ledger.TestLedger;
import com.filemailbatch.support.MovableClock;
import com.filemailbatch.support.WebhookReceiver;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery from the outbox on a real database (H2, the application's migrations), to a real webhook receiver on
 * loopback and a real SMTP server in this JVM: delivered with a stable id, retried with backoff through a 500, given up
 * when down for too long, never held past its bound by a receiver that hangs, never attempted twice at once.
 */
class NotificationDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T02:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private JdbcTemplate jdbc;
    private NotificationOutbox outbox;
    private WebhookReceiver receiver;
    private NoticeRenderer renderer;

    @BeforeEach
    void outboxAndReceiver() throws Exception {
        jdbc = TestLedger.create().jdbc();
        outbox = new NotificationOutbox(jdbc);
        receiver = WebhookReceiver.start();
        renderer = new NoticeRenderer(JsonMapper.builder().build());
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aWebhookGetsTheWholeDocumentWithTheIdInAHeader() throws Exception {
        raise(Notify.parse("failure", receiver.url().toString(), null, null), "run:7:failure");

        List<NotificationDelivery.Attempt> attempts = delivery(properties("PT10S", "PT5S", "P2D")).deliverDue(far());

        assertThat(attempts).singleElement().satisfies(a -> assertThat(a.error()).isNull());
        WebhookReceiver.Received request = receiver.next();
        JsonNode document = JsonMapper.builder().build().readTree(request.body());
        assertThat(document.get("id").asString()).isEqualTo(request.header(WebhookSender.ID_HEADER))
                .isEqualTo(attempts.get(0).entry().id()).hasSize(32);
        assertThat(request.header(WebhookSender.EVENT_HEADER)).isEqualTo("failure");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(document.get("event").asString()).isEqualTo("failure");
        assertThat(document.get("definition").asString()).isEqualTo("nightly");
        assertThat(document.get("counts").get("rejected").asLong()).isEqualTo(2);
        assertThat(document.get("firstRejected").get(0).get("column").asString()).isEqualTo("to");
        assertThat(only().status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(only().deliveredAt()).isEqualTo(clock.instant());
        assertThat(meters.get(NotificationMetrics.DELIVERED).tag("channel", "webhook").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void theChatFormatPostsTheMessageAsText() throws Exception {
        raise(Notify.parse("failure", receiver.url().toString(), "chat", null), "run:7:failure");

        delivery(properties("PT10S", "PT5S", "P2D")).deliverDue(far());

        JsonNode body = JsonMapper.builder().build().readTree(receiver.next().body());
        assertThat(body.propertyNames()).containsExactly("text");
        assertThat(body.get("text").asString()).startsWith("nightly: run 7 failed (exit 2)\n")
                .contains("line 3, column to: not an e-mail address");
    }

    @Test
    void aReceiverAnswering500IsRetriedAfterABackoffAndGetsTheSameIdAgain() throws Exception {
        receiver.answer(500);
        raise(Notify.parse("failure", receiver.url().toString(), null, null), "run:7:failure");
        NotificationDelivery delivery = delivery(properties("PT10S", "PT5S", "P2D"));

        List<NotificationDelivery.Attempt> first = delivery.deliverDue(far());

        assertThat(first).singleElement().satisfies(a -> assertThat(a.error()).isEqualTo("HTTP 500"));
        assertThat(only().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(only().nextAttemptAt()).isEqualTo(clock.instant().plus(NotificationDelivery.FIRST_RETRY));
        assertThat(only().lastError()).isEqualTo("HTTP 500");
        assertThat(delivery.deliverDue(far())).as("not due before its backoff").isEmpty();

        clock.advance(NotificationDelivery.FIRST_RETRY);
        assertThat(delivery.deliverDue(far())).singleElement().satisfies(a -> assertThat(a.error()).isNull());

        List<WebhookReceiver.Received> requests = receiver.all();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).header(WebhookSender.ID_HEADER)).isEqualTo(requests.get(0).header(
                WebhookSender.ID_HEADER));
        assertThat(only().status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(only().attempts()).isEqualTo(2);
        assertThat(meters.get(NotificationMetrics.FAILED).tag("channel", "webhook").counter().count()).isEqualTo(1.0);
    }

    @Test
    void theBackoffDoublesFrom30SecondsTo30Minutes() {
        assertThat(NotificationDelivery.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(NotificationDelivery.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(NotificationDelivery.backoff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(NotificationDelivery.backoff(7)).isEqualTo(Duration.ofMinutes(30));
        assertThat(NotificationDelivery.backoff(500)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aReceiverThatStaysDownIsGivenUpOnceGiveUpAfterHasPassed() throws Exception {
        raise(Notify.parse("failure", WebhookReceiver.down().toString(), null, null), "run:7:failure");
        NotificationDelivery delivery = delivery(properties("PT10S", "PT5S", "PT1H"));

        assertThat(delivery.deliverDue(far())).singleElement().satisfies(a -> {
            assertThat(a.error()).startsWith("cannot reach http://127.0.0.1:").doesNotContain("/hooks/down");
            assertThat(a.givenUp()).isFalse();
        });
        clock.advance(Duration.ofHours(1));
        assertThat(delivery.deliverDue(far())).singleElement().satisfies(a -> assertThat(a.givenUp()).isTrue());

        assertThat(only().status()).isEqualTo(OutboxStatus.GIVEN_UP);
        clock.advance(Duration.ofDays(1));
        assertThat(delivery.deliverDue(far())).as("never tried again").isEmpty();
        assertThat(meters.get(NotificationMetrics.GIVEN_UP).tag("channel", "webhook").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void aReceiverThatHangsDoesNotHoldTheExitPastTheBound() throws Exception {
        receiver.answer(WebhookReceiver.HANG);
        raise(Notify.parse("failure", receiver.url().toString(), null, null), "run:7:failure");
        // The attempt itself would wait up to a minute for an answer; the exit waits 1 s.
        NotificationDelivery delivery = delivery(properties("PT1S", "PT60S", "P2D"));

        List<NotificationDelivery.Attempt> attempts = delivery.deliverBeforeExit();

        // Returned while the receiver still holds the request unanswered: the bound, not the receiver, ended the wait.
        assertThat(attempts).allSatisfy(a -> assertThat(a.error()).isEqualTo("no answer before the command exited "
                + "(filemail.notify.deliver-within)"));
        assertThat(only().status()).isEqualTo(OutboxStatus.PENDING);
        receiver.release();
    }

    @Test
    void zeroDeliverWithinLeavesDeliveryToTheNextLaunch() {
        raise(Notify.parse("failure", receiver.url().toString(), null, null), "run:7:failure");

        assertThat(delivery(properties("PT0S", "PT5S", "P2D")).deliverBeforeExit()).isEmpty();

        assertThat(receiver.all()).isEmpty();
        assertThat(only().attempts()).isZero();
    }

    @Test
    void anEmailReachesTheSmtpServerWithTheIdAsItsMessageId() throws Exception {
        raise(Notify.parse("failure", null, null, "ops@example.com, oncall@example.com"), "run:7:failure");

        assertThat(delivery(properties("PT10S", "PT5S", "P2D")).deliverDue(far())).singleElement()
                .satisfies(a -> assertThat(a.error()).isNull());

        MimeMessage[] messages = SMTP.getReceivedMessages();
        assertThat(messages).hasSize(2); // one message, one copy per recipient
        MimeMessage message = messages[0];
        String id = only().id();
        assertThat(message.getSubject()).isEqualTo("[filemail-batch] nightly: run 7 failed (exit 2)");
        assertThat(message.getMessageID()).isEqualTo("<" + id + "@filemail-batch>");
        assertThat(message.getHeader(WebhookSender.ID_HEADER)[0]).isEqualTo(id);
        assertThat(message.getFrom()[0].toString()).isEqualTo("batch@example.com");
        assertThat(message.getAllRecipients()).extracting(Object::toString)
                .containsExactly("ops@example.com", "oncall@example.com");
        assertThat(((String) message.getContent()).replace("\r\n", "\n")).contains("line 3, column to: not an e-mail "
                + "address", "filemail-batch notification " + id);
    }

    @Test
    void anEmailWithoutSmtpServerFailsWithWhatToSet() {
        raise(Notify.parse("failure", null, null, "ops@example.com"), "run:7:failure");
        NotificationProperties properties = properties("PT10S", "PT5S", "P2D");
        NotificationDelivery delivery = new NotificationDelivery(outbox, renderer, properties,
                new NotificationMetrics(meters, outbox), clock, List.of(new EmailSender(
                        new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), renderer, properties)));

        assertThat(delivery.deliverDue(far())).singleElement().satisfies(a -> assertThat(a.error())
                .isEqualTo("no SMTP server configured: set spring.mail.host (SPRING_MAIL_HOST)"));
    }

    @Test
    void raisingTheSameNotificationTwiceRecordsItOnce() {
        Notify notify = Notify.parse("failure", receiver.url().toString(), null, "ops@example.com");

        assertThat(raise(notify, "run:7:failure")).isEqualTo(2);
        assertThat(raise(notify, "run:7:failure")).isZero();

        assertThat(outbox.list(null, 10)).extracting(OutboxEntry::channel)
                .containsExactlyInAnyOrder(Channel.WEBHOOK, Channel.EMAIL);
    }

    @Test
    void twoProcessesNeverAttemptTheSameNotificationAtOnce() {
        raise(Notify.parse("failure", receiver.url().toString(), null, null), "run:7:failure");
        OutboxEntry seen = only();

        assertThat(outbox.claim(seen, clock.instant().plusSeconds(60))).isTrue();
        assertThat(outbox.claim(seen, clock.instant().plusSeconds(60))).as("the second one saw it before the claim")
                .isFalse();
        assertThat(outbox.due(clock.instant(), 10)).as("claimed by a live process").isEmpty();
    }

    @Test
    void anAttemptLeftByAKilledProcessOfThisHostIsTakenOverAtOnce() throws Exception {
        raise(Notify.parse("failure", receiver.url().toString(), null, null), "run:7:failure");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        jdbc.update("UPDATE notification_outbox SET attempts = 1, next_attempt_at = ?, claimed_by = ?",
                java.time.OffsetDateTime.parse("2026-11-30T03:00:00Z"), gone.pid() + "@" + host);

        assertThat(delivery(properties("PT10S", "PT5S", "P2D")).deliverDue(far())).singleElement()
                .satisfies(a -> assertThat(a.error()).isNull());

        assertThat(only().status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(only().attempts()).isEqualTo(2);
    }

    @Test
    void theOutboxHealthIsDownOnceANotificationWaitedLongerThan15Minutes() throws Exception {
        OutboxHealthIndicator health = new OutboxHealthIndicator(outbox, clock);
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");

        raise(Notify.parse("failure", WebhookReceiver.down().toString(), null, null), "run:7:failure");
        assertThat(health.health().getDetails()).containsEntry("pending", 1L);
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");

        clock.advance(OutboxHealthIndicator.STUCK.plusSeconds(1));
        assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
    }

    private int raise(Notify notify, String key) {
        Notice notice = new Notice("failure", "nightly: run 7 failed (exit 2)",
                "nightly: run 7 failed (exit 2)\nFirst rejected rows:\n  line 3, column to: not an e-mail address\n",
                "nightly", "sendTransfersJob", "/data/in.csv", "2026-11-30", 7L, "FAILED", 2, null, null, 3L,
                Map.of("rejected", 2L), List.of(new Notice.Rejected(3L, "to", "R-3", "not an e-mail address")), null,
                null, "boom", null, null, null, null, null, "host", null, clock.instant().toString());
        return new Notifications(outbox, renderer, clock).raise("nightly", notify, NotifyEvent.FAILURE, 7L, key,
                notice);
    }

    private NotificationDelivery delivery(NotificationProperties properties) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(SMTP.getSmtp().getPort());
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mail", mail);
        return new NotificationDelivery(outbox, renderer, properties, new NotificationMetrics(meters, outbox), clock,
                List.of(new WebhookSender(renderer, properties), new EmailSender(beans.getBeanProvider(
                        JavaMailSender.class), renderer, properties)));
    }

    private static NotificationProperties properties(String deliverWithin, String timeout, String giveUpAfter) {
        return new NotificationProperties(null, null, null, null, "batch@example.com", Duration.parse(deliverWithin),
                Duration.parse(timeout), Duration.parse(giveUpAfter), false);
    }

    private OutboxEntry only() {
        return outbox.list(null, 10).stream().reduce((a, b) -> {
            throw new AssertionError("more than one notification");
        }).orElseThrow();
    }

    private Instant far() {
        return clock.instant().plus(Duration.ofDays(365));
    }
}
