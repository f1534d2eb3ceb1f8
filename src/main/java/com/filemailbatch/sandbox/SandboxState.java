package com.filemailbatch.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/** All transfers of one sandbox, plus the temporary directory their uploaded chunks live in. */
final class SandboxState {

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Map<String, TransferEntry> transfers = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private final Path uploadRoot;

    SandboxState() {
        try {
            uploadRoot = Files.createTempDirectory("filemail-sandbox-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TransferEntry initialize(JsonNode body) {
        String id = randomId();
        TransferEntry entry = new TransferEntry(id, UUID.randomUUID().toString(), sequence.incrementAndGet(),
                Instant.now(), body, uploadRoot.resolve(id));
        transfers.put(id, entry);
        return entry;
    }

    /** Looks a transfer up by id and key; a wrong key is indistinguishable from an unknown id. */
    TransferEntry find(String id, String key) {
        TransferEntry entry = transfers.get(id);
        if (entry == null || !entry.key().equals(key)) {
            throw SandboxError.notFound("Transfer not found.");
        }
        return entry;
    }

    TransferEntry get(String id) {
        return transfers.get(id);
    }

    /** Newest first, as a sent list reads. */
    List<TransferEntry> all() {
        return transfers.values().stream().sorted(Comparator.comparingLong(TransferEntry::sequence).reversed()).toList();
    }

    Path newUploadFile() throws IOException {
        return Files.createTempFile(uploadRoot, "upload-", ".tmp");
    }

    /** Forgets every transfer and deletes their uploaded bytes (the upload directory stays, empty). */
    void clear() {
        transfers.clear();
        deleteBelow(uploadRoot, false);
    }

    void deleteFiles() {
        deleteBelow(uploadRoot, true);
    }

    Path uploadRoot() {
        return uploadRoot;
    }

    private static void deleteBelow(Path root, boolean andRoot) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).filter(path -> andRoot || !path.equals(root))
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory is under java.io.tmpdir anyway
        }
    }

    private String randomId() {
        StringBuilder id = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
