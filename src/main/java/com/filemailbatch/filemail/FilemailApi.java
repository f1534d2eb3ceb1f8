package com.filemailbatch.filemail;

import com.filemailbatch.BuildInfo;
import feign.RetryableException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the jobs call: the Filemail operations with the envelope unwrapped and every failure turned into a
 * {@link FilemailApiException} (transport failures included).
 */
@Component
public class FilemailApi {

    /** Identifies this tool and its build to Filemail ({@code sourcedetails} of initialize). */
    public static final String SOURCE_DETAILS = "filemail-batch/" + BuildInfo.version() + " (Java "
            + Runtime.version().feature() + ")";

    /** Page size of the sent list; Filemail's default is the company page size or 1000. */
    static final int SENT_PAGE = 500;
    /** A search by subject that returns more than this is not narrowing anything; stop reading. */
    static final int SENT_MAX_PAGES = 20;

    private final FilemailClient client;
    private final CallPolicy policy;

    FilemailApi(FilemailClient client, CallPolicy policy) {
        this.client = client;
        this.policy = policy;
    }

    /**
     * One initialize call, not retried here: a retried initialize can create a second transfer, so the caller
     * decides (see the send package's exactly-once initializer).
     */
    public TransferInitializeResult initialize(InitializeTransferRequest request) {
        FilemailEnvelope<TransferInitializeResult> answer = call("initialize", () -> client.initialize(request));
        TransferInitializeResult result = answer.data();
        if (result == null || isBlank(result.transferid()) || isBlank(result.transferkey())) {
            // A 200 without credentials cannot be used or cancelled: treat it as the server's fault.
            throw FailureClassifier.exception("initialize", 200, "UnknownError",
                    "the answer carried no transfer id or key", List.of(), null);
        }
        return result;
    }

    /**
     * Cancels a transfer that was not completed. Filemail's "already completed" and "no longer there" answers are
     * not errors here: they say the transfer is already final, and the outcome tells which.
     */
    public CancelOutcome cancel(String transferId, String transferKey) {
        try {
            // Cancelling twice is harmless, so transient failures are retried here.
            policy.withRetries("cancel", () -> call("cancel", () -> client.cancel(new TransferCredentials(
                    transferId, transferKey))));
            return CancelOutcome.CANCELLED;
        } catch (FilemailApiException e) {
            CancelOutcome outcome = e.failureClass() == FailureClass.ROW ? CancelOutcome.forRefusal(e.responseStatus())
                    : null;
            if (outcome == null) {
                throw e;
            }
            return outcome;
        }
    }

    /**
     * Completes a transfer whose files are uploaded: Filemail e-mails the recipients, and the answer carries the
     * shared download link. Transient failures are retried. A retry after a lost answer (or a run that crashed
     * between complete and recording it) meets {@code InvalidTransferState}: then the transfer's details decide. If
     * they say it is complete, that is the outcome ({@link CompletedTransfer#alreadyCompleted()}), with the details'
     * {@code url} as the download link; otherwise the refusal is thrown.
     */
    public CompletedTransfer complete(String transferId, String transferKey) {
        try {
            FilemailEnvelope<CompleteResult> answer = policy.withRetries("complete", () -> call("complete",
                    () -> client.complete(new TransferCredentials(transferId, transferKey))));
            return new CompletedTransfer(answer.data() == null ? null : answer.data().downloadurl(), false);
        } catch (FilemailApiException refused) {
            if (refused.failureClass() != FailureClass.ROW || !"InvalidTransferState".equals(refused.responseStatus())) {
                throw refused;
            }
            SentTransfer details = details(transferId);
            if (details == null || !details.completed()) {
                throw refused;
            }
            return new CompletedTransfer(details.url(), true);
        }
    }

    /** {@code GET /transfer/{id}}: the transfer object, or null when the answer had none. Reading is retried. */
    public SentTransfer details(String transferId) {
        return policy.withRetries("details", () -> call("details", () -> client.details(transferId))).data();
    }

    /**
     * The caller's transfers whose subject contains {@code search} (Filemail searches; every page is read, up to
     * {@value #SENT_MAX_PAGES} pages). Transient failures are retried: listing changes nothing.
     */
    public List<SentTransfer> sentTransfers(String search) {
        List<SentTransfer> all = new java.util.ArrayList<>();
        for (int page = 0; page < SENT_MAX_PAGES; page++) {
            int skip = page * SENT_PAGE;
            FilemailEnvelope<SentTransfers> answer = policy.withRetries("sent",
                    () -> call("sent", () -> client.sent(search, SENT_PAGE, skip)));
            List<SentTransfer> transfers = answer.data() == null || answer.data().transfers() == null ? List.of()
                    : answer.data().transfers();
            all.addAll(transfers);
            if (transfers.size() < SENT_PAGE) {
                break;
            }
        }
        return all;
    }

    private <T> FilemailEnvelope<T> call(String operation, Call<T> call) {
        return policy.call(operation, () -> {
            try {
                return call.run();
            } catch (RetryableException e) {
                // Feign's wrapper of an I/O failure (refused, reset, timed out): no answer arrived.
                throw FailureClassifier.exception(operation, 0, null, rootMessage(e), List.of(), e);
            }
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @FunctionalInterface
    private interface Call<T> {
        FilemailEnvelope<T> run();
    }
}
