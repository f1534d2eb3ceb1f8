package com.filemailbatch.send;

import static com.filemailbatch.send.ScriptedInitializer.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.filemailbatch.filemail.FilemailApiException;
import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.Outcome;
import com.filemailbatch.ledger.TestLedger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The initialize step's pipeline, built with plain {@code new} on a real ledger, its calls on real threads: claim →
 * call → record for every row, calls in flight across chunks, journal entries in input order, and what a failure
 * leaves behind.
 */
class SendPipelineTest {

    private final TestLedger ledger = TestLedger.create();
    private final long execution = ledger.execution(11);
    private final ScriptedInitializer filemail = new ScriptedInitializer(ledger);
    private final RunGuard guard = new RunGuard(3);
    private final AttemptRecorder recorder = new AttemptRecorder(ledger.repository());
    private final TransferSender sender = new TransferSender(ledger.repository(), recorder, filemail, guard,
            JsonMapper.builder().build(), execution, InitializeTransferProcessor.STEP);
    private final List<JournalEntry> journal = new CopyOnWriteArrayList<>();

    private SendPipeline pipeline(int groupSize, int window) {
        TransactionTemplate ownTransaction = new TransactionTemplate(ledger.transactionManager());
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new SendPipeline(sender, ledger.repository(), recorder, guard, new SimpleAsyncTaskExecutor("call-"),
                chunk -> journal.addAll(chunk.getItems()), ownTransaction, groupSize, window);
    }

    @Test
    void callsStayInFlightAcrossChunksAndEveryRowIsRecordedThenJournaledInInputOrder() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        filemail.answer("A-1", reference -> {
            await(answer);
            return ScriptedInitializer.created(reference);
        });
        SendPipeline pipeline = pipeline(2, 8);

        pipeline.write(List.of(send("A-1", 1), send("A-2", 2)));

        assertThat(ledger.status("A-1")).as("still in flight after its chunk's write returned").isEqualTo("PENDING");
        assertThat(journal).as("a chunk is journaled once all its rows are recorded").isEmpty();

        pipeline.write(List.of(settled("B-0", 3), send("B-1", 4)));
        answer.countDown();
        pipeline.endOfInput();

        assertThat(filemail.statusAtCall).as("every claim committed before its call")
                .containsOnlyKeys("A-1", "A-2", "B-1").allSatisfy((reference, status) ->
                        assertThat(status).isEqualTo("PENDING"));
        assertThat(Stream.of("A-1", "A-2", "B-1").map(ledger::status)).containsOnly("INITIALIZED");
        assertThat(journal).extracting(JournalEntry::sourceLine).containsExactly(1L, 2L, 3L, 4L);
        assertThat(journal).extracting(JournalEntry::outcome).containsExactly(Outcome.INITIALIZED,
                Outcome.INITIALIZED, Outcome.REJECTED, Outcome.INITIALIZED);
    }

    @Test
    void aFatalAnswerEndsTheStepOnceEveryCallIsRecordedAndNoLaterRowIsCalled() {
        filemail.answer("R-1", reference -> {
            throw TransferSenderTest.failure(401, "InvalidApikey");
        });
        SendPipeline pipeline = pipeline(1, 2);

        assertThatThrownBy(() -> {
            pipeline.write(List.of(send("R-1", 1), send("R-2", 2), send("R-3", 3), send("R-4", 4)));
            pipeline.endOfInput();
        }).isInstanceOf(FilemailApiException.class);

        assertThat(filemail.calls).containsExactly("R-1");
        assertThat(ledger.status("R-1")).isEqualTo("FAILED");
        assertThat(Stream.of("R-1", "R-2", "R-3", "R-4").map(ledger::status))
                .as("nothing left claimed and unrecorded, nothing sent").doesNotContain("PENDING", "INITIALIZED");
    }

    @Test
    void aLedgerLostBetweenTheCallAndItsRecordLeavesTheRowPendingAndFailsTheStep() {
        filemail.answer("R-1", reference -> {
            ledger.down(true);
            return ScriptedInitializer.created(reference);
        });
        SendPipeline pipeline = pipeline(1, 2);

        assertThatThrownBy(() -> {
            pipeline.write(List.of(send("R-1", 1)));
            pipeline.endOfInput();
        }).isInstanceOf(RuntimeException.class);

        ledger.down(false);
        assertThat(ledger.status("R-1")).as("in doubt: reconciled by the next run").isEqualTo("PENDING");
        assertThat(journal).as("a row is journaled only once recorded").isEmpty();
    }

    @Test
    void whatAStopLeftInFlightIsRecordedAfterTheStep() {
        SendPipeline pipeline = pipeline(2, 8);
        pipeline.write(List.of(send("R-1", 1), send("R-2", 2)));

        pipeline.afterStep(null);

        assertThat(Stream.of("R-1", "R-2").map(ledger::status)).containsOnly("INITIALIZED");
        assertThat(journal).extracting(JournalEntry::sourceLine).containsExactly(1L, 2L);
    }

    private InitializeItem send(String reference, long line) {
        return InitializeItem.send(row(reference, line));
    }

    private InitializeItem settled(String reference, long line) {
        return InitializeItem.settled(new JournalEntry(execution, InitializeTransferProcessor.STEP, line, reference,
                Outcome.REJECTED, "to", "scripted rejection", null));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("the test released the answer").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
