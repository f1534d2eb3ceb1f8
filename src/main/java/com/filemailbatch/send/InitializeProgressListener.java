package com.filemailbatch.send;

import com.filemailbatch.csv.TransferDefinitionReader;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/** Feeds the progress line from the reader's position after each written chunk (the main thread only). */
class InitializeProgressListener implements ItemWriteListener<InitializeItem>, StepExecutionListener {

    private final TransferDefinitionReader reader;
    private final ProgressPrinter printer;
    private long doneAtStart = -1;

    InitializeProgressListener(TransferDefinitionReader reader, ProgressPrinter printer) {
        this.reader = reader;
        this.printer = printer;
    }

    @Override
    public void beforeWrite(Chunk<? extends InitializeItem> items) {
        if (doneAtStart < 0) {
            // The first chunk's rows were read in this run: what came before them was done by an earlier run.
            doneAtStart = Math.max(0, reader.getCurrentItemCount() - items.size());
            printer.update(doneAtStart, reader.totalRows(), doneAtStart);
        }
    }

    @Override
    public void afterWrite(Chunk<? extends InitializeItem> items) {
        printer.update(done(), reader.totalRows(), doneAtStart);
    }

    /** The reader counts its final, empty read too: never report more rows than the file has. */
    private long done() {
        return Math.min(reader.getCurrentItemCount(), reader.totalRows());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (doneAtStart >= 0) {
            printer.finish(done(), reader.totalRows(), doneAtStart);
        }
        return null;
    }
}
