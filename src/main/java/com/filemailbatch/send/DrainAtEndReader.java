package com.filemailbatch.send;

import com.filemailbatch.csv.TransferDefinition;
import com.filemailbatch.csv.TransferDefinitionReader;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The initialize step's reader: the CSV reader, telling the send pipeline where the input ends. Spring Batch calls
 * no writer after the last row when the rows fill their chunks exactly, and a step listener cannot fail the step:
 * draining from the read that finds no more rows (or from the last chunk's write) makes what the last calls came
 * to (a fatal answer, the service down) fail the step like any other chunk's.
 */
class DrainAtEndReader implements ItemStreamReader<TransferDefinition> {

    private final TransferDefinitionReader reader;
    private final SendPipeline pipeline;

    DrainAtEndReader(TransferDefinitionReader reader, SendPipeline pipeline) {
        this.reader = reader;
        this.pipeline = pipeline;
    }

    @Override
    public TransferDefinition read() throws Exception {
        TransferDefinition row = reader.read();
        if (row == null) {
            pipeline.endOfInput();
        } else {
            pipeline.rowRead();
        }
        return row;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        reader.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        reader.update(executionContext);
    }

    @Override
    public void close() {
        reader.close();
    }
}
