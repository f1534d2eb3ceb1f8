package com.filemailbatch.send;

import com.filemailbatch.filemail.FilemailApi;
import com.filemailbatch.filemail.InitializeTransferRequest;
import com.filemailbatch.filemail.SentTransfer;
import com.filemailbatch.filemail.TransferInitializeResult;
import com.filemailbatch.ledger.LedgerRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the transfer an earlier attempt created when its answer never arrived. Filemail's initialize has no
 * idempotency key, so the sent list is searched by subject and a match must have the same subject, recipients and
 * message, be sent after the attempt began, and be recorded by no row. One match is adopted; further matches are
 * duplicates created by repeated attempts and are cancelled.
 */
class InDoubtReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(InDoubtReconciler.class);

    /** Clock difference tolerated between this machine and Filemail's send dates. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final FilemailApi api;
    private final LedgerRepository ledger;

    InDoubtReconciler(FilemailApi api, LedgerRepository ledger) {
        this.api = api;
        this.ledger = ledger;
    }

    Optional<Initialized> adopt(String reference, InitializeTransferRequest request, Instant attemptBegan) {
        return adopt(reference, request, attemptBegan, Set.of());
    }

    /** @param unrecorded transfers rows of this run own whose results are not in the ledger yet: never adopted */
    Optional<Initialized> adopt(String reference, InitializeTransferRequest request, Instant attemptBegan,
            Set<String> unrecorded) {
        Instant earliest = attemptBegan.minus(CLOCK_SKEW);
        List<SentTransfer> matches = api.sentTransfers(request.subject()).stream()
                .filter(transfer -> transfer.id() != null && transfer.key() != null)
                .filter(transfer -> Objects.equals(transfer.subject(), request.subject()))
                .filter(transfer -> transfer.recipientAddresses().equals(addresses(request.to())))
                .filter(transfer -> Objects.equals(blankToNull(transfer.message()), blankToNull(request.message())))
                .filter(transfer -> !transfer.sentAt().isBefore(earliest))
                .filter(transfer -> !unrecorded.contains(transfer.id()))
                .filter(transfer -> !ledger.isRecordedTransfer(transfer.id()))
                .sorted(Comparator.comparing(SentTransfer::sentAt).thenComparing(SentTransfer::id))
                .toList();
        if (matches.isEmpty()) {
            LOG.info("{}: no unrecorded transfer found since {}; initializing again", reference, attemptBegan);
            return Optional.empty();
        }
        SentTransfer adopted = matches.get(0);
        for (SentTransfer duplicate : matches.subList(1, matches.size())) {
            LOG.warn("{}: cancelling duplicate transfer {} (adopting {})", reference, duplicate.id(), adopted.id());
            api.cancel(duplicate.id(), duplicate.key());
        }
        LOG.info("{}: adopted transfer {} created by an earlier attempt", reference, adopted.id());
        return Optional.of(new Initialized(new TransferInitializeResult(adopted.id(), adopted.key(),
                adopted.uploadUrl(), null,
                List.of(), null, null, null, null), true, matches.size() - 1));
    }

    private static Set<String> addresses(List<String> to) {
        return to == null ? Set.of() : to.stream().map(address -> address.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
