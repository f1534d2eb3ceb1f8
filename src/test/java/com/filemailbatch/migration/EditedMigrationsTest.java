package com.filemailbatch.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database migrated before a migration's comment was edited still opens: its recorded checksum is brought up to
 * date, and only from the old text's checksum. On H2 and on PostgreSQL, as the application's Flyway runs them. A
 * database already up to date is not written to, so a read-only copy opens.
 */
class EditedMigrationsTest {

    @Test
    void aDatabaseMigratedBeforeTheEditStillOpensOnH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        checkEditedMigrations(h2, "h2");
    }

    /** An auditor's copy of the database, opened read-only: Flyway and the callback find nothing to write. */
    @Test
    void anUpToDateDatabaseOpensReadOnly(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("db");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        flyway(h2, "h2", true).migrate();
        new JdbcTemplate(h2).execute("SHUTDOWN");

        JdbcDataSource readOnly = new JdbcDataSource();
        readOnly.setURL(url + ";ACCESS_MODE_DATA=r");
        readOnly.setUser("sa");

        assertThat(flyway(readOnly, "h2", true).migrate().migrationsExecuted).isZero();
        assertThatThrownBy(() -> new JdbcTemplate(readOnly).update("DELETE FROM \"flyway_schema_history\""))
                .as("the database was opened read-only").hasMessageContaining("read only");
    }

    @Test
    void aDatabaseMigratedBeforeTheEditStillOpensOnPostgres() throws SQLException {
        String server = System.getenv().getOrDefault("FILEMAIL_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getenv().getOrDefault("FILEMAIL_TEST_POSTGRES_USER", "postgres");
        String database = "filemail_batch_migrations_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, "");
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        }
        try {
            checkEditedMigrations(new DriverManagerDataSource(server + database, user, ""), "postgresql");
        } finally {
            try (Connection admin = DriverManager.getConnection(server + "postgres", user, "");
                    Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static void checkEditedMigrations(DataSource dataSource, String vendor) {
        flyway(dataSource, vendor, true).migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (EditedMigrations.Edit edit : EditedMigrations.EDITS) {
            assertThat(checksum(jdbc, edit.version())).as("Flyway's checksum of the edited text").isEqualTo(edit.after());
            // As a database migrated before the edit has it.
            jdbc.update("UPDATE \"flyway_schema_history\" SET \"checksum\" = ? WHERE \"version\" = ?", edit.before(),
                    edit.version());
        }

        assertThatThrownBy(() -> flyway(dataSource, vendor, false).migrate())
                .as("without the callback, Flyway refuses the old checksum").isInstanceOf(FlywayValidateException.class);
        flyway(dataSource, vendor, true).migrate();

        for (EditedMigrations.Edit edit : EditedMigrations.EDITS) {
            assertThat(checksum(jdbc, edit.version())).isEqualTo(edit.after());
        }
        // Any other checksum is left for Flyway to report.
        jdbc.update("UPDATE \"flyway_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = ?",
                EditedMigrations.EDITS.get(0).version());
        assertThatThrownBy(() -> flyway(dataSource, vendor, true).migrate())
                .isInstanceOf(FlywayValidateException.class);
    }

    private static Flyway flyway(DataSource dataSource, String vendor, boolean withCallback) {
        var configuration = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
        if (withCallback) {
            configuration.callbacks(new EditedMigrations());
        }
        return configuration.load();
    }

    private static Integer checksum(JdbcTemplate jdbc, String version) {
        return jdbc.queryForObject("SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = ?",
                Integer.class, version);
    }
}
