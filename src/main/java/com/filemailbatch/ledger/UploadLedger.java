package com.filemailbatch.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The upload side of the ledger: a transfer's status from INITIALIZED through UPLOADING to COMPLETED, and the
 * per-file progress in {@code transfer_upload_progress}. Every write commits on its own (REQUIRES_NEW), whatever
 * chunk transaction is open: a chunk Filemail accepted stays recorded even when the step's chunk rolls back.
 */
@Repository
public class UploadLedger {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    UploadLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The ids of the rows whose files are to be uploaded, in order: what the upload step will work through. */
    public List<Long> uploadableIds() {
        return jdbc.queryForList("SELECT id FROM transfer_ledger WHERE " + LedgerEntryReaders.UPLOADABLE
                + " ORDER BY id", Long.class);
    }

    /**
     * Marks the transfer UPLOADING and returns its files' progress: recorded earlier (a resumed upload keeps its
     * chunk size), or recorded now from the files as validated (their sizes then, not now) with {@code chunkSize}.
     *
     * @return the progress in file order; empty when the row is no longer INITIALIZED or UPLOADING (cleanup
     *         cancelled it, another run completed it)
     */
    public List<FileProgress> begin(long ledgerId, ValidatedFiles validated, long chunkSize) {
        return ownTransaction.execute(status -> {
            OffsetDateTime now = now();
            // updated_at moves only on the first start and with each accepted chunk: it is the last progress.
            int started = jdbc.update("UPDATE transfer_ledger SET status = ?, updated_at = ? WHERE id = ? "
                    + "AND status = ?", TransferStatus.UPLOADING.name(), now, ledgerId, TransferStatus.INITIALIZED.name());
            if (started != 1 && !TransferStatus.UPLOADING.name().equals(jdbc.queryForObject(
                    "SELECT status FROM transfer_ledger WHERE id = ?", String.class, ledgerId))) {
                return List.of();
            }
            List<FileProgress> recorded = progress(ledgerId);
            if (!recorded.isEmpty()) {
                return recorded;
            }
            List<ValidatedFiles.File> files = validated.files();
            for (int index = 0; index < files.size(); index++) {
                Path file = Path.of(files.get(index).path());
                long size = files.get(index).size();
                int chunks = size == 0 ? 1 : Math.toIntExact((size + chunkSize - 1) / chunkSize);
                jdbc.update("INSERT INTO transfer_upload_progress (ledger_id, file_index, path, file_name, size, "
                        + "chunk_size, chunks, next_chunk, done, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, FALSE, ?)",
                        ledgerId, index, file.toString(), file.getFileName().toString(), size, chunkSize, chunks, now);
            }
            return progress(ledgerId);
        });
    }

    /**
     * What the path rules found for the transfer's files when its row was validated; null for a row recorded before
     * the tool kept it.
     */
    public ValidatedFiles validatedFiles(long ledgerId) {
        return ValidatedFilesColumn.read(jdbc.query("SELECT validated_files FROM transfer_ledger WHERE id = ?",
                rs -> rs.next() ? rs.getString(1) : null, ledgerId));
    }

    public List<FileProgress> progress(long ledgerId) {
        return jdbc.query("SELECT file_index, path, file_name, size, chunk_size, chunks, next_chunk, done "
                + "FROM transfer_upload_progress WHERE ledger_id = ? ORDER BY file_index", (rs, row) ->
                new FileProgress(rs.getInt(1), Path.of(rs.getString(2)), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getInt(6), rs.getInt(7), rs.getBoolean(8)), ledgerId);
    }

    /** The upload URL accepted {@code chunk}: the file resumes after it; the transfer made progress now. */
    public void chunkAccepted(long ledgerId, String fileName, int chunk, int chunks) {
        ownTransaction.executeWithoutResult(status -> {
            OffsetDateTime now = now();
            jdbc.update("UPDATE transfer_upload_progress SET next_chunk = ?, done = ?, updated_at = ? "
                    + "WHERE ledger_id = ? AND file_name = ?", chunk + 1, chunk + 1 >= chunks, now, ledgerId, fileName);
            jdbc.update("UPDATE transfer_ledger SET updated_at = ? WHERE id = ?", now, ledgerId);
        });
    }

    /** Records the upload URL found for a transfer that had none (adopted from the sent list). */
    public void recordUploadUrl(long ledgerId, String uploadUrl) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE transfer_ledger SET transfer_url = ? WHERE id = ? AND transfer_url IS NULL", uploadUrl,
                ledgerId));
    }

    /**
     * Filemail accepted complete: COMPLETED, with the shared download link; the transfer key is shredded, as in
     * {@link LedgerRepository#markFinal}.
     */
    public boolean markCompleted(long ledgerId, String downloadUrl) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            OffsetDateTime now = now();
            return jdbc.update("UPDATE transfer_ledger SET status = ?, completed_at = ?, updated_at = ?, "
                    + "download_url = ?, last_error_status = NULL, last_error_message = NULL, "
                    + LedgerRepository.SHRED + " "
                    + "WHERE id = ? AND status IN (" + LedgerEntryReaders.list(TransferStatus.INITIALIZED,
                    TransferStatus.UPLOADING) + ")", TransferStatus.COMPLETED.name(), now, now, downloadUrl,
                    ledgerId) == 1;
        }));
    }

    /**
     * Notes why uploading or completing failed. {@code updated_at} is left alone: it tells when the transfer last
     * made progress, and a transfer that only fails must become stale, so that cleanup cancels it.
     */
    public void noteFailure(long ledgerId, String errorStatus, String errorMessage) {
        String message = LedgerRepository.truncate(errorMessage);
        ownTransaction.executeWithoutResult(status -> jdbc.update("UPDATE transfer_ledger SET last_error_status = ?, "
                + "last_error_message = ? WHERE id = ?", errorStatus, message, ledgerId));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
