package com.filemailbatch.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.settings.BatchSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DatabaseCompactionTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aWastefulH2FileIsRewrittenSmallerWithEveryRowKept() throws Exception {
        JdbcDataSource database = h2File("wasteful");
        churn(database);
        long before = Files.size(dir.resolve("wasteful.mv.db"));

        DatabaseCompaction.Outcome outcome = new DatabaseCompaction(0, 50).compactIfWasteful(database, stderr());

        assertThat(outcome.compacted()).as(err()).isTrue();
        assertThat(outcome.livePercent()).isLessThanOrEqualTo(50);
        assertThat(outcome.bytesBefore()).isEqualTo(before);
        assertThat(outcome.bytesAfter()).isEqualTo(Files.size(dir.resolve("wasteful.mv.db"))).isLessThan(before / 2);
        assertThat(err()).contains("compacting the database", "database compacted to").doesNotContain("warning");
        try (Connection reopened = database.getConnection(); Statement query = reopened.createStatement();
                ResultSet rows = query.executeQuery("SELECT COUNT(*), MIN(version), MAX(version) FROM row_data")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(100);
            assertThat(rows.getInt(2)).isEqualTo(CHURN_COMMITS);
            assertThat(rows.getInt(3)).isEqualTo(CHURN_COMMITS);
        }
    }

    /** serve's way: the pool that held the database open hands out working connections after the rewrite. */
    @Test
    void aPooledDatabaseIsUsableAgainAfterACompactionBetweenRuns() throws Exception {
        JdbcDataSource file = h2File("pooled");
        churn(file);
        long before = Files.size(dir.resolve("pooled.mv.db"));
        HikariConfig config = new HikariConfig();
        config.setDataSource(file);
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection warm = pool.getConnection()) {
                assertThat(warm.isValid(1)).isTrue();
            }

            DatabaseCompaction.Outcome outcome = new DatabaseCompaction(0, 50).compactAndReopen(pool, stderr());

            assertThat(outcome.compacted()).as(err()).isTrue();
            assertThat(Files.size(dir.resolve("pooled.mv.db"))).isLessThan(before / 2);
            for (int borrow = 0; borrow < 3; borrow++) {
                try (Connection again = pool.getConnection(); Statement query = again.createStatement();
                        ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM row_data")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(100);
                }
            }
        }
    }

    @Test
    void aFileUnderTheSizeThresholdIsLeftOpenAndAsItWas() throws Exception {
        JdbcDataSource database = h2File("small");
        churn(database);
        long before = Files.size(dir.resolve("small.mv.db"));

        DatabaseCompaction.Outcome outcome = new DatabaseCompaction(before + 1, 50).compactIfWasteful(database,
                stderr());

        assertThat(outcome.compacted()).isFalse();
        assertThat(err()).isEmpty();
        try (Connection stillOpen = database.getConnection(); Statement query = stillOpen.createStatement();
                ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM row_data")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(100);
        }
    }

    @Test
    void aFileMostlyLiveIsLeftAlone() throws Exception {
        JdbcDataSource database = h2File("live");
        try (Connection connection = database.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE row_data (id INT PRIMARY KEY, version INT, payload VARCHAR(400))");
        }

        DatabaseCompaction.Outcome outcome = new DatabaseCompaction(0, 0).compactIfWasteful(database, stderr());

        assertThat(outcome.compacted()).isFalse();
        assertThat(err()).isEmpty();
    }

    /** The default configuration must keep the embedded database near the size of its data, run after run. */
    @Test
    void compactionIsOnByDefaultFrom64Mb() {
        BatchSettings defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("filemail", BatchSettings.class);

        assertThat(defaults.h2CompactMinMb()).isEqualTo(64);
    }

    @Test
    void onlyH2FileUrlsAreCompacted() {
        assertThat(DatabaseCompaction.isH2File("jdbc:h2:file:./data/filemail-batch")).isTrue();
        assertThat(DatabaseCompaction.isH2File("jdbc:h2:./data/filemail-batch;WRITE_DELAY=0")).isTrue();
        assertThat(DatabaseCompaction.isH2File("jdbc:h2:mem:test")).isFalse();
        assertThat(DatabaseCompaction.isH2File("jdbc:h2:tcp://localhost/~/test")).isFalse();
        assertThat(DatabaseCompaction.isH2File("jdbc:postgresql://127.0.0.1:5432/test")).isFalse();
        assertThat(DatabaseCompaction.isH2File(null)).isFalse();
    }

    @Test
    void anInMemoryDatabaseIsNotTouched() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compaction-test;DB_CLOSE_DELAY=-1");
        memory.setUser("sa");

        assertThat(new DatabaseCompaction(0, 100).compactIfWasteful(memory, stderr()).compacted()).isFalse();
        assertThat(err()).isEmpty();
    }

    private static final int CHURN_COMMITS = 300;

    /** 100 rows, all updated in each of 300 commits: with WRITE_DELAY=0 each commit writes a chunk to the file. */
    private static void churn(JdbcDataSource database) throws Exception {
        try (Connection connection = database.getConnection()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE row_data (id INT PRIMARY KEY, version INT, payload VARCHAR(400))");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO row_data VALUES (?, 0, ?)")) {
                for (int id = 0; id < 100; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "x".repeat(400));
                    insert.executeUpdate();
                }
            }
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE row_data SET version = ?, payload = ? WHERE id = ?")) {
                for (int commit = 1; commit <= CHURN_COMMITS; commit++) {
                    for (int id = 0; id < 100; id++) {
                        update.setInt(1, commit);
                        update.setString(2, String.valueOf(commit % 10).repeat(400 - id));
                        update.setInt(3, id);
                        update.executeUpdate();
                    }
                    connection.commit();
                }
            }
        }
    }

    private JdbcDataSource h2File(String name) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        database.setUser("sa");
        return database;
    }

    private PrintStream stderr() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
