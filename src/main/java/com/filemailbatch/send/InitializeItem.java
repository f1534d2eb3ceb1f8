package com.filemailbatch.send;

import com.filemailbatch.journal.JournalEntry;

/**
 * A CSV row after validation: a row to send ({@code toSend}), or the journal entry of a row that is settled without
 * a call (rejected by an input rule, or a dry run's verdict).
 */
record InitializeItem(SendRow toSend, JournalEntry settled) {

    static InitializeItem send(SendRow row) {
        return new InitializeItem(row, null);
    }

    static InitializeItem settled(JournalEntry entry) {
        return new InitializeItem(null, entry);
    }
}
