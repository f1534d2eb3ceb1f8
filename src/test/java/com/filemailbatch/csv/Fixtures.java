package com.filemailbatch.csv;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Fixture files under {@code src/test/resources/csv/} and a way to read one to the end. */
final class Fixtures {

    private Fixtures() {
    }

    static Path csv(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/csv/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<TransferDefinition> readAll(Path file) throws Exception {
        TransferDefinitionReader reader = new TransferDefinitionReader(file);
        reader.open(new ExecutionContext());
        try {
            return readRest(reader);
        } finally {
            reader.close();
        }
    }

    static List<TransferDefinition> readRest(TransferDefinitionReader reader) throws Exception {
        List<TransferDefinition> rows = new ArrayList<>();
        for (TransferDefinition row = reader.read(); row != null; row = reader.read()) {
            rows.add(row);
        }
        return rows;
    }
}
