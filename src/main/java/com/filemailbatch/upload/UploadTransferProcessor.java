package com.filemailbatch.upload;

import com.filemailbatch.filemail.CallPolicy;
import com.filemailbatch.filemail.CompletedTransfer;
import com.filemailbatch.filemail.FilemailApi;
import com.filemailbatch.filemail.FilemailApiException;
import com.filemailbatch.filemail.SentTransfer;
import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.Outcome;
import com.filemailbatch.ledger.LedgerEntry;
import com.filemailbatch.ledger.FileProgress;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.ledger.UploadLedger;
import com.filemailbatch.ledger.ValidatedFiles;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Delivers one initialized transfer: uploads the files its row names (resuming from the recorded progress), then
 * completes it and records the download link. A failure leaves the transfer UPLOADING with the reason noted, and
 * the next run resumes it; cleanup cancels it once it made no progress for {@code staleAfter}. A fatal answer
 * (API key, account) stops the step, as elsewhere. Runs on several threads at once.
 */
class UploadTransferProcessor implements ItemProcessor<LedgerEntry, JournalEntry> {

    static final String STEP = "uploadTransfersStep";
    /** {@code last_error_status} of a transfer whose files are not (or no longer) the files that were validated. */
    static final String NOT_AS_VALIDATED = "FileNotAsValidated";

    private final LedgerRepository ledger;
    private final UploadLedger uploads;
    private final FilemailApi api;
    private final CallPolicy policy;
    private final UploadProperties properties;
    private final UploadProgressPrinter progress;
    private final UploadedBytes uploadedBytes;
    private final Bandwidth bandwidth;
    private final long jobExecutionId;
    private final boolean dryRun;
    /** One uploader per chunk size: a resumed file keeps the chunk size its upload began with. */
    private final Map<Long, FileUploader> uploaders = new ConcurrentHashMap<>();

    UploadTransferProcessor(LedgerRepository ledger, UploadLedger uploads, FilemailApi api, CallPolicy policy,
            UploadProperties properties, UploadProgressPrinter progress, UploadedBytes uploadedBytes,
            Bandwidth bandwidth, long jobExecutionId, boolean dryRun) {
        this.ledger = ledger;
        this.uploads = uploads;
        this.api = api;
        this.policy = policy;
        this.properties = properties;
        this.progress = progress;
        this.uploadedBytes = uploadedBytes;
        this.bandwidth = bandwidth;
        this.jobExecutionId = jobExecutionId;
        this.dryRun = dryRun;
    }

    @Override
    public JournalEntry process(LedgerEntry transfer) {
        if (dryRun) {
            return null;
        }
        try {
            return deliver(transfer);
        } catch (FilemailApiException e) {
            return switch (e.failureClass()) {
                case FATAL -> {
                    uploads.noteFailure(transfer.id(), e.statusLabel(), redact(e.getMessage()));
                    throw e;
                }
                // The quota is no reason to stop: the transfer waits for the next run like any failed upload.
                case TRANSIENT, ROW, QUOTA -> failed(transfer, e.statusLabel(), e.getMessage());
            };
        } catch (ValidatedFileOpener.FileNotAsValidatedException e) {
            return failed(transfer, NOT_AS_VALIDATED, e.getMessage());
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // IllegalStateException covers a CancellationException: a stopping run interrupted the upload.
            return failed(transfer, e.getClass().getSimpleName(), e.getMessage());
        }
    }

    private JournalEntry deliver(LedgerEntry transfer) {
        URI uploadUrl = uploadUrl(transfer);
        if (uploadUrl == null) {
            return failed(transfer, "NoUploadUrl", "transfer " + transfer.transferId() + " was adopted from the "
                    + "sent list and Filemail names no upload URL for it (no transferurl, no fileserverurl): its "
                    + "files cannot be uploaded; cleanup cancels it once stale");
        }
        List<Path> files = Arrays.stream(transfer.files().split(";")).map(Path::of).toList();
        if (files.stream().anyMatch(path -> !path.isAbsolute())) {
            return failed(transfer, "RelativePaths", "the row's files were recorded before uploads existed, as "
                    + "paths relative to its CSV (" + transfer.files() + "); they are not uploaded");
        }
        ValidatedFiles validated = uploads.validatedFiles(transfer.id());
        if (validated == null || !validated.files().stream().map(ValidatedFiles.File::path).toList()
                .equals(files.stream().map(Path::toString).toList())) {
            return failed(transfer, NOT_AS_VALIDATED, "the row's files were recorded without what the path rules "
                    + "found on disk (a release that did not keep it); they are not uploaded: send the row again "
                    + "under a new reference, or let cleanup cancel it");
        }
        List<FileProgress> recorded = uploads.begin(transfer.id(), validated, properties.chunkSize().toBytes());
        if (recorded.isEmpty()) {
            // Completed or cancelled by someone else since the page was read.
            return null;
        }
        checkUnchanged(recorded, validated);
        String key = ledger.transferKey(transfer);
        progress.planned(recorded.stream().mapToLong(FileProgress::size).sum(),
                recorded.stream().mapToLong(FileProgress::bytesSent).sum());
        List<LocalFile> pending = recorded.stream().filter(file -> !file.done())
                .map(file -> new LocalFile(file.path(), file.fileName(), file.nextChunk(),
                        () -> ValidatedFileOpener.open(validated.baseDir(), validated.files().get(file.fileIndex()))))
                .toList();
        if (!pending.isEmpty()) {
            Map<String, FileProgress> byName = recorded.stream()
                    .collect(Collectors.toMap(FileProgress::fileName, Function.identity()));
            uploader(recorded.get(0).chunkSize()).uploadAll(new UploadTarget(transfer.transferId(), key, uploadUrl),
                    pending, properties.parallelFiles(), (name, chunk, chunks) -> {
                        uploads.chunkAccepted(transfer.id(), name, chunk, chunks);
                        long bytes = byName.get(name).bytesOf(chunk);
                        progress.sent(bytes);
                        uploadedBytes.accepted(bytes);
                    });
        }
        CompletedTransfer completed = api.complete(transfer.transferId(), key);
        uploads.markCompleted(transfer.id(), completed.downloadurl());
        return entry(transfer, Outcome.COMPLETED, completed.alreadyCompleted()
                ? "found completed: an earlier attempt completed it and its answer was lost" : null);
    }

    /** The URL initialize returned; for an adopted transfer without one, what its details name (then recorded). */
    private URI uploadUrl(LedgerEntry transfer) {
        if (transfer.transferUrl() != null && !transfer.transferUrl().isBlank()) {
            return URI.create(transfer.transferUrl());
        }
        SentTransfer details = api.details(transfer.transferId());
        String found = details == null ? null : details.uploadUrl();
        if (found == null) {
            return null;
        }
        uploads.recordUploadUrl(transfer.id(), found);
        return URI.create(found);
    }

    /**
     * Every file still to send must be the file that was validated (see {@link ValidatedFileOpener}), checked for
     * all of them before any byte goes out; each is checked again as it is opened.
     */
    private static void checkUnchanged(List<FileProgress> recorded, ValidatedFiles validated) {
        for (FileProgress file : recorded) {
            if (file.done()) {
                continue;
            }
            ValidatedFiles.File expected = validated.files().get(file.fileIndex());
            if (file.size() != expected.size()) {
                // Progress recorded by an earlier release, from the file's size when its upload began.
                throw new ValidatedFileOpener.FileNotAsValidatedException("file " + file.path() + " is not uploaded: "
                        + "its upload began at " + file.size() + " bytes, it was validated at " + expected.size());
            }
            try (FileChannel channel = ValidatedFileOpener.open(validated.baseDir(), expected)) {
                // Opened and verified: nothing is read here.
            } catch (java.io.IOException e) {
                throw new UncheckedIOException("Cannot read " + file.path() + " for upload", e);
            }
        }
    }

    private FileUploader uploader(long chunkSize) {
        return uploaders.computeIfAbsent(chunkSize, size -> new FileUploader(policy, size, bandwidth));
    }

    private JournalEntry failed(LedgerEntry transfer, String status, String message) {
        String reason = redact(message);
        uploads.noteFailure(transfer.id(), status, reason);
        return entry(transfer, Outcome.UPLOAD_FAILED, reason);
    }

    /** The transfer key travels in upload URLs' queries: never let one reach the ledger, journal or report. */
    static String redact(String message) {
        return message == null ? null : message.replaceAll("(?i)(transferkey=)[^&\\s\"]*", "$1***");
    }

    private JournalEntry entry(LedgerEntry transfer, Outcome outcome, String reason) {
        return new JournalEntry(jobExecutionId, STEP, transfer.sourceLine(), transfer.reference(), outcome, null,
                reason, transfer.transferId());
    }
}
