package com.filemailbatch.workers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code database_identity}, and its only reader and writer: the random id this database was given on first use, by
 * which a worker knows that a partition request comes from a manager of its own database.
 */
@Repository
public class DatabaseIdentity {

    private final JdbcTemplate jdbc;
    private volatile String id;

    DatabaseIdentity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** This database's id, made by the first process that asks. */
    public String id() {
        if (id == null) {
            id = read().orElseGet(this::make);
        }
        return id;
    }

    private java.util.Optional<String> read() {
        List<String> ids = jdbc.queryForList("SELECT id FROM database_identity", String.class);
        return ids.stream().findFirst();
    }

    private String make() {
        try {
            jdbc.update("INSERT INTO database_identity (only_row, id, created_at) VALUES ('x', ?, ?)",
                    UUID.randomUUID().toString(), OffsetDateTime.now());
        } catch (DuplicateKeyException madeByAnother) {
            // Another process made it first: its id is the one.
        }
        return read().orElseThrow();
    }
}
