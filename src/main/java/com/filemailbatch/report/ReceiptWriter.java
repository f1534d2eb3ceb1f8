package com.filemailbatch.report;

import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.RunJournal;
import com.filemailbatch.storage.OwnerOnly;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * Writes a run's receipt, {@code run-<id>.json}: the report's fields, then {@code rows}, what the run did with each
 * item (line, reference, outcome, transfer id; never a key or password), streamed from the run journal page by page,
 * so a run of a million rows is never held in memory. The receipt names the SHA-256 of the receipt written before
 * it; its own SHA-256 is taken over the file's bytes exactly as written (computed while writing), which is the
 * canonical form: {@code sha256sum run-<id>.json} gives the same value.
 */
final class ReceiptWriter {

    static final int PAGE = 1000;
    private static final int ATTEMPTS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptWriter.class);

    private final ReceiptChain chain;
    private final RunJournal journal;
    private final ObjectMapper json;

    ReceiptWriter(ReceiptChain chain, RunJournal journal, ObjectMapper json) {
        this.chain = chain;
        this.journal = journal;
        this.json = json;
    }

    /**
     * Writes the receipt of {@code executionId} to {@code target} with {@code fields} (plain values, written in map
     * order) and links it into the chain. An execution has one receipt: when it already has one (its report was
     * written once already, e.g. by a report step that then failed), the first is kept.
     */
    void write(long executionId, Path target, Map<String, Object> fields) {
        Optional<ChainLink> existing = chain.forExecution(executionId);
        if (existing.isPresent()) {
            LOG.warn("execution {} already has its receipt {}; kept", executionId, existing.get().fileName());
            return;
        }
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<ChainLink> head = chain.head();
            long position = head.map(ChainLink::position).orElse(0L) + 1;
            String previous = head.map(ChainLink::sha256).orElse(ReceiptChain.GENESIS);
            String sha256 = writeFile(temp, executionId, position, previous, fields);
            ChainLink link = new ChainLink(position, executionId, target.getFileName().toString(), sha256, previous);
            if (chain.append(link, () -> move(temp, target))) {
                return;
            }
        }
        throw new IllegalStateException("could not link the receipt of execution " + executionId
                + " into the chain: other processes kept writing receipts");
    }

    private String writeFile(Path file, long executionId, long position, String previous, Map<String, Object> fields) {
        MessageDigest digest = sha256();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(OwnerOnly.newOutputStream(file)), digest);
                JsonGenerator generator = json.writer().with(SerializationFeature.INDENT_OUTPUT)
                        .createGenerator(out)) {
            generator.writeStartObject();
            generator.writeNumberProperty("receiptVersion", 1);
            generator.writeNumberProperty("chainPosition", position);
            generator.writeStringProperty("previousSha256", previous);
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                generator.writeName(field.getKey());
                generator.writePOJO(field.getValue());
            }
            generator.writeName("rows");
            generator.writeStartArray();
            journal.forEachPaged(executionId, PAGE, entry -> row(generator, entry));
            generator.writeEndArray();
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the receipt " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void row(JsonGenerator generator, JournalEntry entry) {
        generator.writeStartObject();
        generator.writeStringProperty("step", entry.stepName());
        if (entry.sourceLine() != null) {
            generator.writeNumberProperty("line", entry.sourceLine());
        }
        generator.writeStringProperty("reference", entry.reference());
        generator.writeStringProperty("outcome", entry.outcome().name());
        generator.writeStringProperty("transferId", entry.transferId());
        if (entry.columnName() != null) {
            generator.writeStringProperty("column", entry.columnName());
        }
        if (entry.reason() != null) {
            generator.writeStringProperty("reason", entry.reason());
        }
        generator.writeEndObject();
    }

    private static void move(Path temp, Path target) {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the receipt into place: " + target, e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
