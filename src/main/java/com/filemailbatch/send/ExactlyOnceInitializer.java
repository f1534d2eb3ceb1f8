package com.filemailbatch.send;

import com.filemailbatch.filemail.CallPolicy;
import com.filemailbatch.filemail.FilemailApi;
import com.filemailbatch.filemail.InitializeTransferRequest;
import com.filemailbatch.filemail.FilemailApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Initialize with retries that cannot create a second transfer: once an attempt has ended without an answer that
 * rules out creation (any transient failure: a dropped connection, a timeout, a 5xx), every further attempt first
 * looks for the transfer that attempt may have created, and adopts it instead of creating another.
 */
class ExactlyOnceInitializer {

    private final FilemailApi api;
    private final CallPolicy policy;
    private final InDoubtReconciler reconciler;
    private final Clock clock;

    ExactlyOnceInitializer(FilemailApi api, CallPolicy policy, InDoubtReconciler reconciler, Clock clock) {
        this.api = api;
        this.policy = policy;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    /**
     * @param inDoubtSince when an earlier attempt (an earlier run's) began that may have created the transfer, or
     *                     null when none did
     * @throws FilemailApiException when the call failed; after a transient failure the row stays in doubt for the next run
     */
    Initialized initialize(String reference, InitializeTransferRequest request, Instant inDoubtSince) {
        return initialize(reference, request, inDoubtSince, Set.of());
    }

    /**
     * @param unrecorded transfer ids that rows of this run own but have not recorded yet (a chunk records its
     *                   results together): never adopted
     */
    Initialized initialize(String reference, InitializeTransferRequest request, Instant inDoubtSince,
            Set<String> unrecorded) {
        AtomicReference<Instant> doubt = new AtomicReference<>(inDoubtSince);
        return policy.withRetries("initialize", () -> {
            Instant since = doubt.get();
            if (since != null) {
                Optional<Initialized> adopted = reconciler.adopt(reference, request, since, unrecorded);
                if (adopted.isPresent()) {
                    return adopted.get();
                }
            }
            Instant began = clock.instant();
            try {
                return Initialized.created(api.initialize(request));
            } catch (FilemailApiException failed) {
                if (failed.failureClass().mayHaveTakenEffect()) {
                    doubt.compareAndSet(null, began);
                }
                throw failed;
            }
        });
    }
}
