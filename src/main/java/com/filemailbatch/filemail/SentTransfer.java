package com.filemailbatch.filemail;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A transfer as {@code GET /transfer/sent} lists it: the fields used to recognise a transfer this tool created but
 * could not record (the answer to initialize was lost).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SentTransfer(
        String id,
        String key,
        String subject,
        String message,
        List<Recipient> recipients,
        Long sentdate,
        String status,
        Boolean isexpired) {

    /** One recipient of a listed transfer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recipient(String email) {
    }

    /** The send date; Filemail's integers are taken as unix milliseconds (the inbox's {@code from} is in ms). */
    public Instant sentAt() {
        return sentdate == null ? Instant.EPOCH : Instant.ofEpochMilli(sentdate);
    }

    public Set<String> recipientAddresses() {
        return recipients == null ? Set.of() : recipients.stream()
                .map(recipient -> recipient.email() == null ? "" : recipient.email().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    @Override
    public String toString() {
        return "SentTransfer[id=" + id + ", key=***, subject=" + subject + ", sentdate=" + sentdate + "]";
    }
}
