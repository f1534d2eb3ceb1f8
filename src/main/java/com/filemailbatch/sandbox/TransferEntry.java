package com.filemailbatch.sandbox;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.filemailbatch.sandbox.SandboxTransfer.Status;

import tools.jackson.databind.JsonNode;

/**
 * One transfer's mutable state. State changes are synchronized on the entry so that, for example, a
 * cancel racing a complete sees exactly one winner, as on the real service.
 */
final class TransferEntry {

    private final String id;
    private final String key;
    private final long sequence;
    private final Instant createdAt;
    private final JsonNode initializeBody;
    private final Path uploadDirectory;
    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private Status status = Status.INITIALIZED;

    TransferEntry(String id, String key, long sequence, Instant createdAt, JsonNode initializeBody, Path uploadDirectory) {
        this.id = id;
        this.key = key;
        this.sequence = sequence;
        this.createdAt = createdAt;
        this.initializeBody = initializeBody;
        this.uploadDirectory = uploadDirectory;
    }

    synchronized void cancel() {
        switch (status) {
            case COMPLETED -> throw SandboxError.of(400, "InvalidTransferState",
                    "Transfer " + id + " is completed and can no longer be cancelled.");
            case CANCELLED -> throw SandboxError.notFound("Transfer " + id + " was cancelled and is not available.");
            case EXPIRED -> throw SandboxError.of(400, "TransferExpired", "Transfer " + id + " has expired.");
            case INITIALIZED -> status = Status.CANCELLED;
        }
    }

    synchronized void complete() {
        switch (status) {
            case COMPLETED -> throw SandboxError.of(400, "InvalidTransferState", "Transfer " + id + " is already completed.");
            case CANCELLED -> throw SandboxError.notFound("Transfer " + id + " was cancelled and is not available.");
            case EXPIRED -> throw SandboxError.of(400, "TransferExpired", "Transfer " + id + " has expired.");
            case INITIALIZED -> {
                files.values().stream().filter(f -> !f.complete()).findFirst().ifPresent(f -> {
                    throw SandboxError.of(400, "UploadNotComplete", "File '" + f.name() + "' is missing chunks.");
                });
                status = Status.COMPLETED;
            }
        }
    }

    /** Files may be added after complete (Filemail's upload page), but not to a cancelled or expired transfer. */
    synchronized StoredFile fileForUpload(String fileName) {
        if (status == Status.CANCELLED) {
            throw SandboxError.notFound("Transfer " + id + " was cancelled and is not available.");
        }
        if (status == Status.EXPIRED) {
            throw SandboxError.of(400, "TransferExpired", "Transfer " + id + " has expired.");
        }
        return files.computeIfAbsent(fileName,
                name -> new StoredFile(name, uploadDirectory.resolve(String.valueOf(files.size()))));
    }

    synchronized void expire() {
        status = Status.EXPIRED;
    }

    synchronized Status status() {
        return status;
    }

    synchronized List<StoredFile> files() {
        return new ArrayList<>(files.values());
    }

    String id() {
        return id;
    }

    String key() {
        return key;
    }

    long sequence() {
        return sequence;
    }

    Instant createdAt() {
        return createdAt;
    }

    JsonNode initializeBody() {
        return initializeBody;
    }

    String subject() {
        return initializeBody.path("subject").asString("");
    }

    List<String> recipients() {
        List<String> recipients = new ArrayList<>();
        initializeBody.path("to").forEach(to -> recipients.add(to.asString()));
        return recipients;
    }

    SandboxTransfer snapshot() {
        return new SandboxTransfer(id, key, subject(), recipients(), status(), createdAt, initializeBody.toString(),
                files().stream().map(StoredFile::snapshot).toList());
    }
}
