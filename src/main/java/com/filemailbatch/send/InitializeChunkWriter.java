package com.filemailbatch.send;

import com.filemailbatch.journal.JournalEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The initialize step's writer: sends the chunk's valid rows together ({@link ChunkSender}), then journals every
 * row of the chunk, in input order, within the chunk's transaction.
 */
class InitializeChunkWriter implements ItemWriter<InitializeItem> {

    private final ChunkSender sender;
    private final ItemWriter<JournalEntry> journal;

    InitializeChunkWriter(ChunkSender sender, ItemWriter<JournalEntry> journal) {
        this.sender = sender;
        this.journal = journal;
    }

    @Override
    public void write(Chunk<? extends InitializeItem> items) throws Exception {
        List<SendRow> toSend = new ArrayList<>();
        for (InitializeItem item : items) {
            if (item.toSend() != null) {
                toSend.add(item.toSend());
            }
        }
        Iterator<JournalEntry> sent = sender.sendAll(toSend).iterator();
        Chunk<JournalEntry> entries = new Chunk<>();
        for (InitializeItem item : items) {
            JournalEntry entry = item.toSend() != null ? sent.next() : item.settled();
            if (entry != null) {
                entries.add(entry);
            }
        }
        journal.write(entries);
    }
}
