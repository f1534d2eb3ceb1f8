package com.filemailbatch.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.jobs.DefinitionStateRepository;
import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.Notify;
import com.filemailbatch.launch.DefinitionRunner;
import com.filemailbatch.launch.Launch;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.TestData;
import com.filemailbatch.support.WebhookReceiver;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications of real runs (the whole application, the sandbox, an H2 file database) through the path
 * {@code run --job} and serve take: a run with problems notifies a real webhook receiver and a real SMTP server, with
 * the counts and the first rejected rows and without any secret; a failed run notifies its failure; a channel that is
 * down changes nothing of the run.
 */
@FilemailBatchTest
class RunNotificationsTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    private static final String PASSWORD = "Tr0ub4dor-x9q-secret";

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("filemail.notify.email-from", () -> "batch@example.com");
    }

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    NotificationDelivery delivery;

    @Autowired
    DefinitionStateRepository states;

    @TempDir
    Path dir;

    private WebhookReceiver receiver;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void receiver() throws Exception {
        TestData.reset(jdbc, sandbox);
        jdbc.update("DELETE FROM notification_outbox");
        jdbc.update("UPDATE shedlock SET lock_until = locked_at");
        receiver = WebhookReceiver.start();
        SMTP.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aRunWithProblemsNotifiesItsCountsAndFirstRejectedRowsAndNoSecret() throws Exception {
        String name = "nightly-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("plans.txt"), "the plans");
        Path input = TestData.csv(dir, "in.csv", "reference,subject,to,password,files",
                name + "-1,Secret plans,ann@example.com," + PASSWORD + ",",
                name + "-2,Uploaded plans,ann@example.com,,plans.txt",
                name + "-3,Broken,not-an-address,,");
        JobDefinition definition = definition(name, input, Notify.parse("problems", receiver.url().toString(), null,
                "ops@example.com"));

        List<Launch> launches = DefinitionRunner.of(context, print(), print()).run(definition,
                LocalDate.of(2026, 11, 30), null, false);
        List<NotificationDelivery.Attempt> attempts = delivery.deliverBeforeExit();

        assertThat(launches).singleElement().satisfies(l -> assertThat(l.outcome())
                .isEqualTo(Launch.Outcome.COMPLETED_WITH_PROBLEMS));
        assertThat(attempts).hasSize(2).allSatisfy(a -> assertThat(a.error()).isNull());
        WebhookReceiver.Received request = receiver.next();
        JsonNode notice = JsonMapper.builder().build().readTree(request.body());
        assertThat(notice.get("event").asString()).isEqualTo("problems");
        assertThat(notice.get("definition").asString()).isEqualTo(name);
        assertThat(notice.get("executionId").asLong()).isEqualTo(launches.get(0).executionId());
        assertThat(notice.get("exitCode").asInt()).isEqualTo(3);
        assertThat(notice.get("status").asString()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        assertThat(notice.get("input").asString()).isEqualTo(input.toAbsolutePath().toString());
        assertThat(notice.get("runDate").asString()).isEqualTo("2026-11-30");
        assertThat(notice.get("counts").get("rowsRead").asLong()).isEqualTo(3);
        assertThat(notice.get("counts").get("initialized").asLong()).isEqualTo(2);
        assertThat(notice.get("counts").get("completed").asLong()).isEqualTo(1);
        assertThat(notice.get("counts").get("rejected").asLong()).isEqualTo(1);
        JsonNode rejected = notice.get("firstRejected").get(0);
        assertThat(rejected.get("line").asLong()).isEqualTo(4);
        assertThat(rejected.get("column").asString()).isEqualTo("to");
        assertThat(rejected.get("reference").asString()).isEqualTo(name + "-3");
        assertThat(rejected.get("reason").asString()).contains("not-an-address");
        assertThat(notice.has("downloads")).as("no download links unless configured").isFalse();
        assertThat(notice.has("link")).as("no dashboard configured").isFalse();

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[filemail-batch] " + name + ": run " + launches.get(0).executionId()
                + " completed with problems (exit 3): 1 rejected, 0 failed, 0 deferred");
        String mailText = GreenMailUtil.getWholeMessage(mail);

        List<String> secrets = new ArrayList<>(List.of(PASSWORD, sandbox.apiKey(), sandbox.baseUrl().getAuthority()));
        sandbox.transfers().stream().map(SandboxTransfer::key).forEach(secrets::add);
        assertThat(sandbox.transfers()).hasSize(2);
        for (String secret : secrets) {
            assertThat(request.body()).doesNotContain(secret);
            assertThat(request.headers().toString()).doesNotContain(secret);
            assertThat(mailText).doesNotContain(secret);
        }
        assertThat(states.find(name).orElseThrow().lastSuccess()).as("completed: the dead man's switch sees it")
                .isNotNull();
    }

    @Test
    void aFailedRunNotifiesItsFailureWithTheReason() throws Exception {
        String name = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        Path input = TestData.csv(dir, "broken.csv", "reference,sujbect", "B-1,Typo in the header");
        JobDefinition definition = definition(name, input, Notify.parse("failure", receiver.url().toString(), "chat",
                null));

        List<Launch> launches = DefinitionRunner.of(context, print(), print()).run(definition,
                LocalDate.of(2026, 11, 30), null, false);
        delivery.deliverBeforeExit();

        assertThat(launches).singleElement().satisfies(l -> assertThat(l.outcome())
                .isEqualTo(Launch.Outcome.FAILED_INPUT));
        String text = JsonMapper.builder().build().readTree(receiver.next().body()).get("text").asString();
        assertThat(text).startsWith(name + ": run " + launches.get(0).executionId() + " failed (exit 2)\n")
                .contains("Status: FAILED, exit code 2", "Error: ", "sujbect");
        assertThat(states.find(name)).as("not completed").isEmpty();
    }

    @Test
    void aWebhookThatIsDownChangesNothingOfTheRunAndTheNotificationWaits() throws Exception {
        String name = "down-" + UUID.randomUUID().toString().substring(0, 8);
        Path input = TestData.csv(dir, "in.csv", "reference,subject,to", name + "-1,Hello,ann@example.com");
        JobDefinition definition = definition(name, input, Notify.parse("success", WebhookReceiver.down().toString(),
                null, null));

        List<Launch> launches = DefinitionRunner.of(context, print(), print()).run(definition,
                LocalDate.of(2026, 11, 30), null, false);
        DeliveryLines.print(delivery.deliverBeforeExit(), print());

        assertThat(launches).singleElement().satisfies(l -> assertThat(l.outcome()).isEqualTo(Launch.Outcome.COMPLETED));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("(success of " + name + ") by webhook to "
                + "http://127.0.0.1:", "/…: not delivered (cannot reach http://127.0.0.1:", "it stays in the outbox")
                .doesNotContain("/hooks/down");
        assertThat(jdbc.queryForObject("SELECT status FROM notification_outbox WHERE definition = ?", String.class,
                name)).isEqualTo("PENDING");
    }

    @Test
    void aDryRunNotifiesNothing() throws Exception {
        String name = "dry-" + UUID.randomUUID().toString().substring(0, 8);
        Path input = TestData.csv(dir, "in.csv", "reference,subject,to", name + "-1,Hello,ann@example.com");
        JobDefinition definition = definition(name, input, Notify.parse("success,failure,problems",
                receiver.url().toString(), null, null));

        DefinitionRunner.of(context, print(), print()).run(definition, LocalDate.of(2026, 11, 30), null, true);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox", Long.class)).isZero();
    }

    private JobDefinition definition(String name, Path input, Notify notify) {
        return new JobDefinition(dir.resolve(name + ".properties"), JobDefinition.Kind.SEND, "0 30 1 * * *",
                ZoneOffset.UTC, input, null, Duration.ofDays(1), Duration.ofHours(2), notify);
    }

    private PrintStream print() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
