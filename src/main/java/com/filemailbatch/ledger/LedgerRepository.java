package com.filemailbatch.ledger;

import com.filemailbatch.filemail.TransferInitializeResult;
import com.filemailbatch.text.ColumnText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The transfer ledger. Every write commits on its own (REQUIRES_NEW), whatever chunk transaction is open around
 * it: a transfer that Filemail created must stay recorded even when the chunk that created it rolls back.
 */
@Repository
public class LedgerRepository {

    /**
     * The columns of a {@link LedgerEntry}, aliased to its component names: {@code DataClassRowMapper} looks a
     * component up by its own name first, and every miss would leave an error in H2's trace file.
     */
    public static final String ENTRY_COLUMNS = "id, reference, status, attempt, subject, files, "
            + "transfer_id AS transferId, "
            + "transfer_key_enc AS transferKeyEnc, transfer_url AS transferUrl, source_file AS sourceFile, "
            + "source_line AS sourceLine, job_execution_id AS jobExecutionId, created_at AS createdAt, "
            + "initialized_at AS initializedAt, last_error_status AS lastErrorStatus, "
            + "last_error_message AS lastErrorMessage";

    private static final String SELECT = "SELECT " + ENTRY_COLUMNS + " FROM transfer_ledger ";

    private static final String MARK_INITIALIZED = "UPDATE transfer_ledger SET status = '"
            + TransferStatus.INITIALIZED + "', "
            + "transfer_id = ?, transfer_key_enc = ?, transfer_url = ?, region = ?, transfer_ip = ?, "
            + "alternate_urls = ?, udp_port = ?, udp_threshold = ?, custom_fields = ?, initialized_at = ?, "
            + "updated_at = ?, request_enc = NULL, last_error_status = ?, last_error_message = NULL "
            + "WHERE reference = ?";

    /** Sets what a final row no longer needs to nothing: its transfer key and any stored request. */
    static final String SHRED = "transfer_key_enc = NULL, request_enc = NULL";

    /** Bind parameters per IN list, well below every database's limit. */
    private static final int IN_LIST_LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final TransferKeyCipher cipher;
    private final Clock clock;
    private final ObjectMapper json;
    /** Additional authenticated data of a stored request, apart from the transfer key's (the bare reference). */
    static final String REQUEST_CONTEXT = "request:";

    private final DataClassRowMapper<LedgerEntry> rowMapper = new DataClassRowMapper<>(LedgerEntry.class);

    LedgerRepository(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, TransferKeyCipher cipher,
            Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Claims a reference for this run (status PENDING, committed) before anything is sent, storing the request
     * encrypted so that a later run can send the row without its CSV. A reference already sent, or held by an
     * earlier row of the same input in this run, is not claimed.
     */
    public ClaimResult claim(Claim claim) {
        OffsetDateTime now = now();
        try {
            inOwnTransaction(() -> jdbc.update("INSERT INTO transfer_ledger (reference, status, attempt, subject, "
                    + "recipients, files, request_enc, source_file, source_line, job_execution_id, created_at, "
                    + "claimed_at, updated_at, validated_files, content_sha256) "
                    + "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    claim.reference(), TransferStatus.PENDING.name(), claim.subject(), join(claim.recipients()),
                    join(claim.files()), encryptedRequest(claim), claim.sourceFile(), claim.sourceLine(),
                    claim.jobExecutionId(), now, now, now, ValidatedFilesColumn.write(claim.validatedFiles()),
                    contentDigest(claim)));
            return ClaimResult.claimed(null);
        } catch (DuplicateKeyException exists) {
            return reclaim(claim, now);
        }
    }

    /**
     * Claims the rows of a chunk, answering for each as {@link #claim} would, with one commit for all the references
     * not seen before (the common case), instead of one per row: every claim is still committed before its call.
     * References already in the ledger, or repeated within the chunk, go through {@link #claim} one by one after it.
     */
    public List<ClaimResult> claimAll(List<Claim> claims) {
        Set<String> known = existingReferences(claims);
        Set<String> fresh = new HashSet<>();
        List<Claim> inserts = new ArrayList<>();
        for (Claim claim : claims) {
            if (!known.contains(claim.reference()) && fresh.add(claim.reference())) {
                inserts.add(claim);
            }
        }
        boolean inserted = inserts.isEmpty() || insertAll(inserts);
        List<ClaimResult> results = new ArrayList<>(claims.size());
        Set<String> claimedNow = new HashSet<>();
        for (Claim claim : claims) {
            boolean insertedHere = inserted && fresh.contains(claim.reference()) && claimedNow.add(claim.reference());
            results.add(insertedHere ? ClaimResult.claimed(null) : claim(claim));
        }
        return results;
    }

    /** One transaction for the whole batch; false when another process took one of them first (then none is in). */
    private boolean insertAll(List<Claim> claims) {
        OffsetDateTime now = now();
        List<Object[]> rows = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            rows.add(new Object[] {claim.reference(), TransferStatus.PENDING.name(), claim.subject(), join(claim.recipients()), join(claim.files()),
                    encryptedRequest(claim), claim.sourceFile(), claim.sourceLine(), claim.jobExecutionId(), now, now,
                    now, ValidatedFilesColumn.write(claim.validatedFiles()), contentDigest(claim)});
        }
        try {
            inOwnTransaction(() -> jdbc.batchUpdate("INSERT INTO transfer_ledger (reference, status, attempt, "
                    + "subject, recipients, files, request_enc, source_file, source_line, job_execution_id, "
                    + "created_at, claimed_at, updated_at, validated_files, content_sha256) "
                    + "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows));
            return true;
        } catch (DataIntegrityViolationException raced) {
            return false;
        }
    }

    private Set<String> existingReferences(List<Claim> claims) {
        Set<String> existing = new HashSet<>();
        for (int from = 0; from < claims.size(); from += IN_LIST_LIMIT) {
            List<Claim> part = claims.subList(from, Math.min(claims.size(), from + IN_LIST_LIMIT));
            existing.addAll(jdbc.queryForList("SELECT reference FROM transfer_ledger WHERE reference IN ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ")", String.class,
                    part.stream().map(Claim::reference).toArray()));
        }
        return existing;
    }

    private ClaimResult reclaim(Claim claim, OffsetDateTime now) {
        LedgerEntry entry = find(claim.reference()).orElseThrow();
        boolean thisRun = entry.jobExecutionId() != null && entry.jobExecutionId() == claim.jobExecutionId();
        if (thisRun && entry.status() == TransferStatus.PENDING) {
            // Another row (or thread) of this run holds the reference and is sending it right now.
            return duplicateOrConflict(entry, claim, null);
        }
        if (entry.status().isSent()) {
            boolean earlierRowOfThisInput = thisRun && Objects.equals(entry.sourceFile(), claim.sourceFile())
                    && !Objects.equals(entry.sourceLine(), claim.sourceLine());
            return earlierRowOfThisInput ? duplicateOrConflict(entry, claim, entry.transferId())
                    : new ClaimResult(ClaimResult.Kind.ALREADY_SENT, entry.transferId(), null);
        }
        // REJECTED, DEFERRED or FAILED earlier, or PENDING left by an earlier execution: take it over, unless
        // another thread took it first (the status/attempt condition makes the update a compare-and-set). After
        // PENDING or FAILED a transfer may exist already: the original claim time stays, to look for it.
        boolean inDoubt = entry.status().isInDoubt();
        int taken = inOwnTransaction(() -> jdbc.update("UPDATE transfer_ledger SET status = ?, "
                + "attempt = attempt + 1, subject = ?, recipients = ?, files = ?, validated_files = ?, "
                + "request_enc = ?, source_file = ?, "
                + "source_line = ?, job_execution_id = ?, updated_at = ?, claimed_at = "
                + (inDoubt ? "COALESCE(claimed_at, ?)" : "?") + ", last_error_status = NULL, "
                + "last_error_message = NULL, content_sha256 = ? WHERE reference = ? AND status = ? AND attempt = ?",
                TransferStatus.PENDING.name(), claim.subject(),
                join(claim.recipients()), join(claim.files()), ValidatedFilesColumn.write(claim.validatedFiles()),
                encryptedRequest(claim), claim.sourceFile(), claim.sourceLine(), claim.jobExecutionId(), now, now,
                contentDigest(claim), claim.reference(), entry.status().name(), entry.attempt()));
        if (taken != 1) {
            return reclaim(claim, now);
        }
        return ClaimResult.claimed(inDoubt ? claimedAt(claim.reference()) : null);
    }

    /**
     * A second row of this run with the reference of {@code entry}: a harmless duplicate when it asks for the same
     * transfer, a conflict when its content differs (sending either would drop the other without a word).
     */
    private ClaimResult duplicateOrConflict(LedgerEntry entry, Claim claim, String transferId) {
        String held = jdbc.queryForObject("SELECT content_sha256 FROM transfer_ledger WHERE reference = ?",
                String.class, claim.reference());
        String wanted = contentDigest(claim);
        boolean otherRow = !Objects.equals(entry.sourceLine(), claim.sourceLine())
                || !Objects.equals(entry.sourceFile(), claim.sourceFile());
        if (otherRow && held != null && wanted != null && !held.equals(wanted)) {
            return new ClaimResult(ClaimResult.Kind.CONFLICT_IN_RUN, null, null, entry.sourceLine());
        }
        return new ClaimResult(ClaimResult.Kind.DUPLICATE_IN_RUN, transferId, null);
    }

    /**
     * SHA-256 of what the row asks for: its request without the password (a digest of a secret, stored, would let
     * anyone test guesses against it) and its files. Recipients count lower-cased, as in a reference's digest: two
     * rows that differ only in an address's case ask for the same transfer. Null when the claim carries no request.
     */
    private String contentDigest(Claim claim) {
        if (claim.requestJson() == null) {
            return null;
        }
        JsonNode request = json.readTree(claim.requestJson());
        if (request instanceof ObjectNode object) {
            object.remove("password");
            if (object.get("to") instanceof ArrayNode to) {
                for (int i = 0; i < to.size(); i++) {
                    to.set(i, to.get(i).asString().toLowerCase(Locale.ROOT));
                }
            }
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(String.valueOf(join(claim.files())).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private Instant claimedAt(String reference) {
        OffsetDateTime at = jdbc.queryForObject("SELECT claimed_at FROM transfer_ledger WHERE reference = ?",
                OffsetDateTime.class, reference);
        return at == null ? Instant.EPOCH : at.toInstant();
    }

    /**
     * Records what Filemail created (or what this row adopted after a lost answer): id, url and the transfer key
     * encrypted under the master key. The stored request is dropped: it is no longer needed, and it may hold a
     * password.
     *
     * @throws DuplicateKeyException when another row already holds this transfer id
     */
    public void markInitialized(String reference, TransferInitializeResult result, String note) {
        Object[] args = initializedArgs(reference, result, note, now());
        inOwnTransaction(() -> jdbc.update(MARK_INITIALIZED, args));
    }

    private Object[] initializedArgs(String reference, TransferInitializeResult result, String note,
            OffsetDateTime now) {
        return new Object[] {result.transferid(), cipher.encrypt(reference, result.transferkey()),
                result.transferurl(), result.region(), result.transferip(), join(result.alternateUrls()),
                result.udpport(), result.udpthreshold(), customFields(result.customfields()), now, now, note,
                reference};
    }

    /**
     * {@link #markInitialized} for the rows of a chunk in one transaction. When one of them cannot be recorded
     * (another row holds its transfer id), each is recorded on its own instead.
     *
     * @return the rows that could not be recorded, with why (each is left PENDING: in doubt, for the caller to mark)
     */
    public Map<String, RuntimeException> markAllInitialized(List<Initialization> rows) {
        OffsetDateTime now = now();
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Initialization row : rows) {
            args.add(initializedArgs(row.reference(), row.result(), row.note(), now));
        }
        try {
            inOwnTransaction(() -> jdbc.batchUpdate(MARK_INITIALIZED, args));
            return Map.of();
        } catch (DataIntegrityViolationException oneOfThem) {
            Map<String, RuntimeException> failed = new LinkedHashMap<>();
            for (Initialization row : rows) {
                try {
                    markInitialized(row.reference(), row.result(), row.note());
                } catch (RuntimeException cannot) {
                    failed.put(row.reference(), cannot);
                }
            }
            return failed;
        }
    }

    /** A row's transfer, to record with {@link #markAllInitialized}; {@code note} as for {@link #markInitialized}. */
    public record Initialization(String reference, TransferInitializeResult result, String note) {
    }

    /** Whether some row already holds this Filemail transfer. */
    public boolean isRecordedTransfer(String transferId) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM transfer_ledger WHERE transfer_id = ?",
                Integer.class, transferId);
        return rows != null && rows > 0;
    }

    /** The request stored with an unsent row, decrypted; null when none is stored. */
    public String storedRequest(String reference) {
        String stored = jdbc.queryForObject("SELECT request_enc FROM transfer_ledger WHERE reference = ?",
                String.class, reference);
        return stored == null ? null : cipher.decrypt(REQUEST_CONTEXT + reference, stored);
    }

    /**
     * What the path rules found for an unsent row's files when it was validated, so that a later run sends the row
     * with the same files; null when the row names none (or was recorded before this was kept).
     */
    public ValidatedFiles validatedFiles(String reference) {
        return ValidatedFilesColumn.read(jdbc.query("SELECT validated_files FROM transfer_ledger WHERE reference = ?",
                rs -> rs.next() ? rs.getString(1) : null, reference));
    }

    private String encryptedRequest(Claim claim) {
        return claim.requestJson() == null ? null : cipher.encrypt(REQUEST_CONTEXT + claim.reference(),
                claim.requestJson());
    }

    /**
     * A claimed row that did not get a transfer: REJECTED (fix the row; its stored request is dropped), FAILED (the
     * next run retries it) or DEFERRED (the quota was used up; the next run sends it first).
     */
    public void markUnsent(String reference, TransferStatus status, String errorStatus, String errorMessage) {
        if (status != TransferStatus.REJECTED && status != TransferStatus.FAILED
                && status != TransferStatus.DEFERRED) {
            throw new IllegalArgumentException("not an unsent status: " + status);
        }
        inOwnTransaction(() -> jdbc.update("UPDATE transfer_ledger SET status = ?, last_error_status = ?, "
                + "last_error_message = ?, updated_at = ?"
                + (status == TransferStatus.REJECTED ? ", request_enc = NULL" : "")
                + " WHERE reference = ? AND status = ?", status.name(), errorStatus, truncate(errorMessage),
                now(), reference, TransferStatus.PENDING.name()));
    }

    /**
     * Records a row that broke an input rule as REJECTED, unless its reference already belongs to a transfer, to a
     * row in flight, or to a row whose transfer may exist (FAILED): those stay as they are.
     *
     * @return whether the ledger now holds the rejection
     */
    public boolean recordRejected(Claim row, String column, String reason) {
        OffsetDateTime now = now();
        String error = "InputRule" + (column == null ? "" : ":" + column);
        try {
            inOwnTransaction(() -> jdbc.update("INSERT INTO transfer_ledger (reference, status, attempt, subject, "
                    + "source_file, source_line, job_execution_id, created_at, updated_at, last_error_status, "
                    + "last_error_message) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)", row.reference(),
                    TransferStatus.REJECTED.name(),
                    truncateSubject(row.subject()), row.sourceFile(), row.sourceLine(), row.jobExecutionId(), now,
                    now, error, truncate(reason)));
            return true;
        } catch (DuplicateKeyException exists) {
            return inOwnTransaction(() -> jdbc.update("UPDATE transfer_ledger SET status = ?, "
                    + "source_file = ?, source_line = ?, job_execution_id = ?, updated_at = ?, last_error_status = ?, "
                    + "last_error_message = ?, request_enc = NULL "
                    + "WHERE reference = ? AND status IN (" + LedgerEntryReaders.list(TransferStatus.REJECTED,
                    TransferStatus.DEFERRED) + ")", TransferStatus.REJECTED.name(), row.sourceFile(), row.sourceLine(), row.jobExecutionId(), now, error, truncate(reason),
                    row.reference())) == 1;
        }
    }

    public Optional<LedgerEntry> find(String reference) {
        return jdbc.query(SELECT + "WHERE reference = ?", rowMapper, reference).stream().findFirst();
    }

    public List<LedgerEntry> findByExecution(long jobExecutionId) {
        return jdbc.query(SELECT + "WHERE job_execution_id = ? ORDER BY source_line", rowMapper, jobExecutionId);
    }

    /** The transfer key of an entry, decrypted: for the API calls that need it, never for display. */
    public String transferKey(LedgerEntry entry) {
        return cipher.decrypt(entry.reference(), entry.transferKeyEnc());
    }

    /**
     * Moves an INITIALIZED (or UPLOADING) transfer to a final status (cleanup's answer from Filemail), shredding its
     * transfer key and any stored request: a final transfer needs neither, and a stolen database should hold only
     * the keys of live transfers.
     */
    public boolean markFinal(long id, TransferStatus status, String note) {
        String timeColumn = switch (status) {
            case CANCELLED -> "cancelled_at";
            case COMPLETED -> "completed_at";
            case EXPIRED -> "expired_at";
            default -> throw new IllegalArgumentException("not a final status: " + status);
        };
        OffsetDateTime now = now();
        return inOwnTransaction(() -> jdbc.update("UPDATE transfer_ledger SET status = ?, " + timeColumn + " = ?, "
                + "updated_at = ?, last_error_status = ?, " + SHRED + " WHERE id = ? AND status IN ("
                + LedgerEntryReaders.list(TransferStatus.INITIALIZED, TransferStatus.UPLOADING) + ")",
                status.name(), now,
                now, note, id)) == 1;
    }

    /** Notes a failed cleanup attempt on a transfer that stays INITIALIZED (the next cleanup tries again). */
    public void noteError(long id, String errorStatus, String errorMessage) {
        inOwnTransaction(() -> jdbc.update("UPDATE transfer_ledger SET last_error_status = ?, last_error_message = ?, "
                + "updated_at = ? WHERE id = ?", errorStatus, truncate(errorMessage), now(), id));
    }

    public Map<TransferStatus, Long> countByStatus() {
        Map<TransferStatus, Long> counts = new EnumMap<>(TransferStatus.class);
        jdbc.query("SELECT status, COUNT(*) FROM transfer_ledger GROUP BY status",
                rs -> {
                    counts.put(TransferStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private <T> T inOwnTransaction(java.util.function.Supplier<T> work) {
        return ownTransaction.execute(status -> work.get());
    }

    private String customFields(Map<String, String> fields) {
        return fields == null || fields.isEmpty() ? null : json.writeValueAsString(fields);
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(";", values);
    }

    /** Error texts are kept to the column's size: a long answer must not make the row unrecordable. */
    static String truncate(String text) {
        return ColumnText.cut(text, 2000);
    }

    /** A rejected row's subject may be longer than any valid one: it is kept as far as the column holds. */
    private static String truncateSubject(String subject) {
        return ColumnText.cut(subject, 400);
    }
}
