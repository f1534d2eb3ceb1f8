package com.filemailbatch.ledger;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code transfer_ledger.validated_files}: a {@link ValidatedFiles} as JSON; null stays null. */
final class ValidatedFilesColumn {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ValidatedFilesColumn() {
    }

    static String write(ValidatedFiles files) {
        return files == null ? null : JSON.writeValueAsString(files);
    }

    static ValidatedFiles read(String column) {
        return column == null ? null : JSON.readValue(column, ValidatedFiles.class);
    }
}
