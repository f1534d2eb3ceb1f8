package com.filemailbatch.send;

import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.ledger.ClaimResult;
import com.filemailbatch.ledger.LedgerRepository;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the initialize step's rows with calls in flight across chunk boundaries. Waiting for every call of a chunk
 * before reading the next one would leave the call threads idle at each boundary (the last calls ending one by one,
 * the journal, the commit, reading and validating the next rows, its first claim). Here a chunk's writer claims its rows (in groups, each group committed before its calls go out), submits their
 * calls and returns; the calls go on while the next chunk is read. At most {@code window} calls are outstanding
 * (claimed rows not yet recorded: what a crash would leave in doubt). Ended calls are recorded in batches, one
 * transaction each, by the step's thread through the {@link AttemptRecorder}; the journal entries of a chunk are written, in input order and in a
 * transaction of their own, once all of its rows are recorded.
 *
 * <p>Nothing outstanding is left when the step ends: the input's end drains the pipeline (see
 * {@link DrainAtEndReader}, so that what the last calls came to still fails the step), a chunk that fails drains it
 * before it throws, and {@link #afterStep} drains what a stop or a failure elsewhere left. The exactly-once order is
 * unchanged: claim committed, call, record; a crash between a call and its record leaves the row PENDING, which the
 * next run reconciles. Used by the step's thread only (the calls run on {@code calls}).
 */
class SendPipeline implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(SendPipeline.class);
    /** Claim groups once calls are in flight, and record batches, are this many times {@code groupSize}. */
    private static final int LARGE_GROUPS = 4;

    private final TransferSender sender;
    private final LedgerRepository ledger;
    private final AttemptRecorder recorder;
    private final RunGuard guard;
    private final CompletionService<Sent> inFlight;
    private final ItemWriter<JournalEntry> journal;
    private final TransactionTemplate ownTransaction;
    private final int groupSize;
    private final int window;
    /** Transfers created by rows whose results are not recorded yet: a retry's search must not adopt one. */
    private final Set<String> unrecorded = ConcurrentHashMap.newKeySet();
    /** Chunks whose journal entries are not written yet, in input order. */
    private final Deque<PendingChunk> unjournaled = new ArrayDeque<>();
    /** Calls that have ended and are not recorded yet. */
    private final List<Sent> ended = new ArrayList<>();
    private int outstanding;
    /** Rows read since the last chunk was written: whether a write still follows the input's end. */
    private int readSinceWrite;
    private boolean inputEnded;
    /** What must end the step once every call is recorded: a run-stopping reason before a row's own. */
    private RuntimeException failure;
    private Throwable unexpected;

    /**
     * @param groupSize      the calls in flight at once ({@code filemail.concurrency}): the first claim group
     * @param window         the most rows claimed and not yet recorded
     * @param ownTransaction REQUIRES_NEW: the journal must not be rolled back with a later chunk
     */
    SendPipeline(TransferSender sender, LedgerRepository ledger, AttemptRecorder recorder, RunGuard guard,
            AsyncTaskExecutor calls, ItemWriter<JournalEntry> journal, TransactionTemplate ownTransaction,
            int groupSize, int window) {
        this.sender = sender;
        this.ledger = ledger;
        this.recorder = recorder;
        this.guard = guard;
        this.inFlight = new ExecutorCompletionService<>(calls);
        this.journal = journal;
        this.ownTransaction = ownTransaction;
        this.groupSize = Math.max(1, groupSize);
        this.window = Math.max(window, 2 * this.groupSize);
    }

    /**
     * Claims and submits the rows to send of one chunk; journals the others with them, in order. Returns with calls
     * in flight, unless the input has ended or the run must stop: then once every call is recorded.
     *
     * @throws RuntimeException what stopped the run (fatal answer, the service down, a row that could not be
     *                          recorded), once every call is recorded
     */
    public void write(List<? extends InitializeItem> items) {
        readSinceWrite = 0;
        PendingChunk chunk = new PendingChunk(items.size());
        unjournaled.add(chunk);
        try {
            submit(chunk, items);
        } catch (RuntimeException notClaimed) {
            // Rows not claimed yet are not sent (nor journaled); the calls already out are awaited and recorded.
            fail(notClaimed);
        } finally {
            chunk.sealed = true;
        }
        if (!inputEnded && failure == null) {
            collectEnded();
            if (ended.size() >= LARGE_GROUPS * groupSize) {
                recordEnded();
            }
            writeJournal();
        }
        if (inputEnded || failure != null) {
            drain();
        }
    }

    /** A row was read: its chunk's write will follow. */
    public void rowRead() {
        readSinceWrite++;
    }

    /**
     * The input has no more rows. When the rows read last already went to the writer, no write follows: waits for
     * every call and records it now; otherwise the last chunk's write does once its rows are out.
     */
    public void endOfInput() {
        inputEnded = true;
        if (readSinceWrite == 0) {
            drain();
        }
    }

    /**
     * What a stop (checked by the step between chunks) or a failure outside the writer left in flight is recorded
     * here; should a failure only show now, the step fails.
     */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (outstanding == 0 && unjournaled.isEmpty() && failure == null) {
            return null;
        }
        try {
            drain();
        } catch (RuntimeException | Error e) {
            log.error("recording the last calls of step {} failed", stepExecution.getStepName(), e);
            if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
                stepExecution.addFailureException(e);
                stepExecution.upgradeStatus(BatchStatus.FAILED);
                return ExitStatus.FAILED;
            }
        }
        return null;
    }

    private void submit(PendingChunk chunk, List<? extends InitializeItem> items) {
        List<Integer> toSend = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            InitializeItem item = items.get(i);
            if (item.toSend() == null) {
                chunk.entries[i] = item.settled();
            } else {
                toSend.add(i);
            }
        }
        for (int from = 0; from < toSend.size() && failure == null; ) {
            guard.checkNotStopped();
            // A small first group gets calls out at once when none are in flight; later ones cost fewer commits.
            int size = Math.min(toSend.size() - from, outstanding < groupSize ? groupSize : LARGE_GROUPS * groupSize);
            makeRoom(size);
            if (failure != null) {
                break;
            }
            List<Integer> group = toSend.subList(from, from + size);
            List<SendRow> rows = group.stream().map(i -> items.get(i).toSend()).toList();
            List<ClaimResult> claims = ledger.claimAll(rows.stream().map(sender::claimOf).toList());
            for (int g = 0; g < rows.size(); g++) {
                int index = group.get(g);
                SendRow row = rows.get(g);
                ClaimResult claim = claims.get(g);
                JournalEntry notSent = sender.notClaimed(row, claim);
                if (notSent != null) {
                    chunk.entries[index] = notSent;
                } else {
                    chunk.pending++;
                    outstanding++;
                    inFlight.submit(() -> new Sent(chunk, index, call(row, claim)));
                }
            }
            from += size;
        }
    }

    /** Waits until {@code size} more rows fit in the window, recording ended calls in batches meanwhile. */
    private void makeRoom(int size) {
        while (outstanding > 0 && outstanding + size > window) {
            takeOne();
            if (ended.size() >= LARGE_GROUPS * groupSize) {
                recordEnded();
            }
        }
    }

    private TransferSender.Attempt call(SendRow row, ClaimResult claim) {
        TransferSender.Attempt attempt = sender.call(row, claim, unrecorded);
        if (attempt.done() != null) {
            unrecorded.add(attempt.done().result().transferid());
        }
        return attempt;
    }

    /** Waits for every call and records it, writes every journal entry; throws what must end the step. */
    private void drain() {
        while (outstanding > 0) {
            takeOne();
            // At least a large group per commit; whatever else has ended meanwhile joins it.
            collectEnded();
            if (ended.size() >= LARGE_GROUPS * groupSize || outstanding == 0) {
                recordEnded();
            }
        }
        recordEnded();
        // Nothing is out any more: a row whose call ended in an Error (left PENDING) holds no chunk back.
        unjournaled.forEach(chunk -> chunk.pending = 0);
        writeJournal();
        if (unexpected instanceof Error error) {
            unexpected = null;
            throw error;
        }
        if (unexpected != null) {
            RuntimeException wrapped = new IllegalStateException(unexpected);
            unexpected = null;
            throw wrapped;
        }
        if (failure != null) {
            RuntimeException stop = failure;
            failure = null;
            throw stop;
        }
    }

    private void takeOne() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    add(inFlight.take());
                    return;
                } catch (InterruptedException e) {
                    // Every call is awaited anyway: each must be recorded before the step ends.
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void collectEnded() {
        for (Future<Sent> done = inFlight.poll(); done != null; done = inFlight.poll()) {
            add(done);
        }
    }

    private void add(Future<Sent> done) {
        outstanding--;
        try {
            ended.add(done.get());
        } catch (ExecutionException e) {
            // call() turns every RuntimeException into an attempt: only an Error gets here. That row stays
            // PENDING: in doubt, reconciled by the next run; its journal entry is left out.
            unexpected = unexpected == null ? e.getCause() : unexpected;
        } catch (InterruptedException e) {
            throw new IllegalStateException("a completed call cannot be interrupted", e);
        }
    }

    /** Records the ended calls (see {@link AttemptRecorder}), then journals the chunks that are ready. */
    private void recordEnded() {
        if (ended.isEmpty()) {
            return;
        }
        recorder.record(ended.stream().map(Sent::attempt).toList()).forEach(this::fail);
        for (Sent sent : ended) {
            TransferSender.Attempt attempt = sent.attempt();
            if (attempt.done() != null) {
                unrecorded.remove(attempt.done().result().transferid());
            }
            sent.chunk().entries[sent.index()] = attempt.entry();
            sent.chunk().pending--;
        }
        ended.clear();
        writeJournal();
    }

    /** Keeps the first run-stopping reason; a row's own failure only until one comes. */
    private void fail(RuntimeException reason) {
        if (failure == null || failure instanceof RunGuard.RunStoppedException) {
            failure = reason;
        }
    }

    /** Writes the entries of the leading chunks whose rows are all recorded, in one transaction. */
    private void writeJournal() {
        Chunk<JournalEntry> entries = new Chunk<>();
        while (!unjournaled.isEmpty() && unjournaled.peekFirst().ready()) {
            for (JournalEntry entry : unjournaled.pollFirst().entries) {
                if (entry != null) {
                    entries.add(entry);
                }
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> {
                try {
                    journal.write(entries);
                } catch (Exception e) {
                    throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                }
            });
        } catch (RuntimeException journalDown) {
            fail(journalDown);
        }
    }

    /** A chunk's journal entries, filled as its rows are recorded. */
    private static final class PendingChunk {

        final JournalEntry[] entries;
        /** Rows whose calls are out and not recorded. */
        int pending;
        /** No more rows of this chunk will be submitted. */
        boolean sealed;

        PendingChunk(int size) {
            this.entries = new JournalEntry[size];
        }

        boolean ready() {
            return sealed && pending == 0;
        }
    }

    /** A row's attempt with its chunk and place in it. */
    private record Sent(PendingChunk chunk, int index, TransferSender.Attempt attempt) {
    }
}
