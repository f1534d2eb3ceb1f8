package com.filemailbatch.upload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code filemail.batch.upload.bytes}: the bytes of the chunks Filemail's upload URLs accepted, registered at zero.
 * A chunk sent again after a failure counts once, when it is accepted.
 */
@Component
class UploadedBytes {

    static final String NAME = "filemail.batch.upload.bytes";

    private final Counter counter;

    UploadedBytes(MeterRegistry registry) {
        this.counter = Counter.builder(NAME)
                .description("Bytes of file chunks accepted by Filemail's upload URLs")
                .baseUnit("bytes")
                .register(registry);
    }

    void accepted(long bytes) {
        counter.increment(bytes);
    }
}
