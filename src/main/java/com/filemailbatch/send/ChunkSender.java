package com.filemailbatch.send;

import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.ledger.ClaimResult;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.ledger.LedgerRepository.Initialization;
import com.filemailbatch.ledger.TransferStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Sends the rows of a chunk with a few ledger commits instead of two per row. Per-row commits serialize on the
 * database's commit lock: a row waited longer for the ledger than for Filemail. Here the rows are claimed in
 * groups (first {@code concurrency} rows, then larger groups), one transaction per group, each committed before any
 * of its calls goes out (later groups are claimed while the first calls are in flight); results are recorded in
 * batches as calls end, one transaction per batch. The exactly-once order (claim committed, call, record) is unchanged: a crash between a
 * call and its batch leaves the row PENDING, which the next run reconciles as before. Every call has ended and
 * been recorded when {@link #sendAll} returns.
 */
class ChunkSender {

    private final TransferSender sender;
    private final LedgerRepository ledger;
    private final RunGuard guard;
    private final AsyncTaskExecutor calls;
    private final int groupSize;
    /** Claim groups after the first, and record batches, in groups of {@code concurrency}. */
    private static final int LARGE_GROUPS = 4;

    ChunkSender(TransferSender sender, LedgerRepository ledger, RunGuard guard, AsyncTaskExecutor calls,
            int groupSize) {
        this.sender = sender;
        this.ledger = ledger;
        this.guard = guard;
        this.calls = calls;
        this.groupSize = Math.max(1, groupSize);
    }

    /**
     * @return one journal entry per row, in order
     * @throws RuntimeException what stopped the run (fatal answer, the service down), once every call is recorded
     */
    List<JournalEntry> sendAll(List<SendRow> rows) {
        JournalEntry[] entries = new JournalEntry[rows.size()];
        // Transfers created in this chunk but not recorded yet: a retry's search must not adopt one of them.
        Set<String> unrecorded = ConcurrentHashMap.newKeySet();
        CompletionService<Sent> inFlight = new ExecutorCompletionService<>(calls);
        int submitted = 0;
        RuntimeException stop = null;
        try {
            for (int from = 0, size = groupSize; from < rows.size(); from += size, size = largeGroup()) {
                guard.checkNotStopped();
                List<SendRow> group = rows.subList(from, Math.min(rows.size(), from + size));
                List<ClaimResult> claims = ledger.claimAll(group.stream().map(sender::claimOf).toList());
                for (int i = 0; i < group.size(); i++) {
                    int index = from + i;
                    SendRow row = group.get(i);
                    ClaimResult claim = claims.get(i);
                    entries[index] = sender.notClaimed(row, claim);
                    if (entries[index] == null) {
                        inFlight.submit(() -> new Sent(index, call(row, claim, unrecorded)));
                        submitted++;
                    }
                }
            }
        } catch (RuntimeException notClaimed) {
            // Rows not claimed yet are not sent; the calls already out are still awaited and recorded.
            stop = notClaimed;
        }
        RuntimeException recorded = recordAsTheyEnd(inFlight, submitted, entries);
        if (stop == null || (recorded != null && !(recorded instanceof RunGuard.RunStoppedException))) {
            stop = recorded;
        }
        if (stop != null) {
            throw stop;
        }
        return List.of(entries);
    }

    /**
     * Claims after the first group, and record batches, are larger: each costs a commit (with H2's WRITE_DELAY=0 a
     * store of every page it touched). Once {@code groupSize} calls are in flight, claiming more at once delays no
     * call; recording later only keeps rows PENDING (in doubt) a little longer.
     */
    private int largeGroup() {
        return LARGE_GROUPS * groupSize;
    }

    private TransferSender.Attempt call(SendRow row, ClaimResult claim, Set<String> unrecorded) {
        TransferSender.Attempt attempt = sender.call(row, claim, unrecorded);
        if (attempt.done() != null) {
            unrecorded.add(attempt.done().result().transferid());
        }
        return attempt;
    }

    /**
     * Waits for every call, recording ended ones in one transaction each time a large group of them
     * (or the last ones) have ended, together with any other that has ended by then.
     */
    private RuntimeException recordAsTheyEnd(CompletionService<Sent> inFlight, int submitted,
            JournalEntry[] entries) {
        RuntimeException stop = null;
        Throwable unexpected = null;
        boolean interrupted = false;
        int ended = 0;
        while (ended < submitted) {
            List<Sent> batch = new ArrayList<>();
            while (ended < submitted) {
                try {
                    // At least a large group per commit; then whatever else has ended meanwhile joins it, so that
                    // fewer commits are made the busier this thread is.
                    Future<Sent> next = batch.size() < largeGroup() ? inFlight.take() : inFlight.poll();
                    if (next == null) {
                        break;
                    }
                    ended++;
                    batch.add(next.get());
                } catch (ExecutionException e) {
                    // call() turns every RuntimeException into an attempt: only an Error gets here. That row
                    // stays PENDING: in doubt, reconciled by the next run.
                    unexpected = unexpected == null ? e.getCause() : unexpected;
                } catch (InterruptedException e) {
                    // Every call is awaited anyway: each must be recorded before the chunk ends.
                    interrupted = true;
                }
            }
            RuntimeException failure = record(batch, entries);
            if (failure != null && (stop == null || stop instanceof RunGuard.RunStoppedException)) {
                stop = failure;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (unexpected instanceof Error error) {
            throw error;
        }
        if (unexpected != null) {
            throw new IllegalStateException(unexpected);
        }
        return stop;
    }

    /** @return the exception the chunk must end with, if any: a run-stopping one before a row's own */
    private RuntimeException record(List<Sent> batch, JournalEntry[] entries) {
        List<Initialization> initialized = new ArrayList<>();
        for (Sent sent : batch) {
            TransferSender.Attempt attempt = sent.attempt();
            if (attempt.done() != null) {
                initialized.add(new Initialization(attempt.row().reference(), attempt.done().result(),
                        attempt.note()));
            }
        }
        Map<String, RuntimeException> notRecorded = initialized.isEmpty() ? Map.of()
                : ledger.markAllInitialized(initialized);
        RuntimeException stop = null;
        for (Sent sent : batch) {
            TransferSender.Attempt attempt = sent.attempt();
            RuntimeException failure = attempt.rethrow();
            if (attempt.done() == null) {
                ledger.markUnsent(attempt.row().reference(), attempt.unsentStatus(), attempt.errorStatus(),
                        attempt.errorMessage());
            } else if (notRecorded.containsKey(attempt.row().reference())) {
                failure = notRecorded.get(attempt.row().reference());
                ledger.markUnsent(attempt.row().reference(), TransferStatus.FAILED,
                        failure.getClass().getSimpleName(), failure.getMessage());
            }
            entries[sent.index()] = attempt.entry();
            if (failure != null && (stop == null || stop instanceof RunGuard.RunStoppedException)) {
                stop = failure;
            }
        }
        return stop;
    }

    /** A row's attempt with its place in the chunk. */
    private record Sent(int index, TransferSender.Attempt attempt) {
    }
}
