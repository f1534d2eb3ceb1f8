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
        Boolean isexpired,
        String url,
        String fileserverurl) {

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

    /**
     * Where files of this transfer are uploaded, derived from {@code fileserverurl} (null when absent). Filemail
     * documents the upload URL only as initialize's {@code transferurl}, e.g. {@code https://8888.filemail.com/
     * savefile.ashx}; the transfer object has no such field. Assumption (docs/filemail-api.md, "The upload URL of an adopted transfer"): that URL is
     * the file server's address with the path {@code /savefile.ashx}; a bare host name is taken as https.
     */
    public String uploadUrl() {
        if (fileserverurl == null || fileserverurl.isBlank()) {
            return null;
        }
        String server = fileserverurl.strip();
        if (!server.contains("://")) {
            server = "https://" + server;
        }
        if (server.toLowerCase(Locale.ROOT).endsWith(".ashx")) {
            return server;
        }
        return (server.endsWith("/") ? server.substring(0, server.length() - 1) : server) + "/savefile.ashx";
    }

    /** Whether the transfer object says it is complete ({@code STATUS_COMPLETE}, the v1 value; v2's is undocumented). */
    public boolean completed() {
        return status != null && status.toUpperCase(Locale.ROOT).contains("COMPLETE");
    }

    @Override
    public String toString() {
        return "SentTransfer[id=" + id + ", key=***, subject=" + subject + ", sentdate=" + sentdate + "]";
    }
}
