package com.filemailbatch.notifications;

import com.filemailbatch.launch.FailureMessages;
import com.filemailbatch.logging.SecretMask;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * E-mails a notification through Spring Boot's mail sender ({@code spring.mail.*}: host, port, username, password,
 * STARTTLS or TLS). One message to all of the target's addresses; its Message-ID and the
 * {@code X-Filemail-Batch-Notification-Id} header carry the notification's id, the same on every retry.
 */
@Component
class EmailSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final NoticeRenderer renderer;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mail, NoticeRenderer renderer, NotificationProperties properties) {
        this.mail = mail;
        this.renderer = renderer;
        this.from = properties.emailFrom() == null || properties.emailFrom().isBlank()
                ? "filemail-batch@" + RunNotices.host() : properties.emailFrom().strip();
    }

    /** Whether an SMTP server is configured. */
    boolean configured() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(OutboxEntry entry, Notice notice) throws DeliveryFailure {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new DeliveryFailure("no SMTP server configured: set spring.mail.host (SPRING_MAIL_HOST)");
        }
        try {
            MimeMessage message = message(sender, entry.id());
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(entry.target()));
            message.setSubject(renderer.subject(notice), StandardCharsets.UTF_8.name());
            message.setText(renderer.emailBody(entry.id(), notice), StandardCharsets.UTF_8.name());
            message.setHeader(WebhookSender.ID_HEADER, entry.id());
            message.setHeader(WebhookSender.EVENT_HEADER, entry.event().key());
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new DeliveryFailure("SMTP: " + SecretMask.mask(FailureMessages.rootMessage(e)));
        }
    }

    /** A message whose Message-ID is the notification's, kept when it is saved. */
    private static MimeMessage message(JavaMailSender sender, String id) {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            return sender.createMimeMessage();
        }
        Session session = impl.getSession();
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + id + "@filemail-batch>");
            }
        };
    }
}
