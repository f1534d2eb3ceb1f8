package com.filemailbatch.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchDatabaseTest {

    @Test
    void noServerIsARefusalThatSaysWhatToDo() {
        // Port 1: nobody listens there.
        assertThatThrownBy(() -> BenchDatabase.create("jdbc:postgresql://127.0.0.1:1/", "postgres", ""))
                .isInstanceOf(BenchUnavailableException.class)
                .hasMessageContaining("bench --workers needs a PostgreSQL server")
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/")
                .hasMessageContaining("FILEMAIL_BENCH_POSTGRES");
    }
}
