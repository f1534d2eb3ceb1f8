package com.filemailbatch.send;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The initialize step's writer: hands the chunk to the send pipeline, which claims and sends its valid rows and
 * journals every row, in input order, once they are recorded (see {@link SendPipeline}).
 */
class InitializeChunkWriter implements ItemWriter<InitializeItem> {

    private final SendPipeline pipeline;

    InitializeChunkWriter(SendPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void write(Chunk<? extends InitializeItem> items) {
        pipeline.write(items.getItems());
    }
}
