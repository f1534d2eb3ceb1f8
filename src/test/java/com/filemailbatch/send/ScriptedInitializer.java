package com.filemailbatch.send;

import com.filemailbatch.filemail.InitializeTransferRequest;
import com.filemailbatch.filemail.TransferInitializeResult;
import com.filemailbatch.ledger.TestLedger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Stands in for Filemail's initialize in the unit tests of the send path: answers each reference as scripted (a
 * new transfer by default, or throws), and notes what the ledger held, committed, when the call was made.
 */
class ScriptedInitializer extends ExactlyOnceInitializer {

    private final TestLedger ledger;
    private final Map<String, Function<String, Initialized>> script = new ConcurrentHashMap<>();
    /** The references called, in call order. */
    final List<String> calls = new CopyOnWriteArrayList<>();
    /** The status each row had in the ledger (committed) when its call was made. */
    final Map<String, String> statusAtCall = new ConcurrentHashMap<>();

    ScriptedInitializer(TestLedger ledger) {
        super(null, null, null, null);
        this.ledger = ledger;
    }

    /** Answers {@code reference} with {@code answer} instead of a new transfer. */
    ScriptedInitializer answer(String reference, Function<String, Initialized> answer) {
        script.put(reference, answer);
        return this;
    }

    static Initialized created(String reference) {
        return Initialized.created(new TransferInitializeResult("T-" + reference, "key-" + reference,
                "https://upload.example/" + reference, null, List.of(), null, null, null, null));
    }

    @Override
    Initialized initialize(String reference, InitializeTransferRequest request, Instant inDoubtSince,
            Set<String> unrecorded) {
        String status;
        try {
            status = ledger.status(reference);
        } catch (RuntimeException down) {
            status = "unreadable";
        }
        statusAtCall.put(reference, status == null ? "none" : status);
        calls.add(reference);
        return script.getOrDefault(reference, ScriptedInitializer::created).apply(reference);
    }

    static SendRow row(String reference, long line) {
        return new SendRow(reference, new InitializeTransferRequest(List.of("to@example.com"), "subject " + reference,
                null, null, null, null, null, null, null), List.of(), "input.csv", line);
    }
}
