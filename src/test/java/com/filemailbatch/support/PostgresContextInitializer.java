package com.filemailbatch.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Like {@link SandboxContextInitializer}, but on a real PostgreSQL server: a new, empty database per test context
 * (so Flyway builds our tables and the Batch schema from nothing), on the server named by
 * {@code FILEMAIL_TEST_POSTGRES} (default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code postgres}).
 */
public class PostgresContextInitializer extends SandboxContextInitializer {

    @Override
    protected String[] databaseProperties(Path dataDir) {
        return new String[] {"spring.datasource.url=" + PostgresServer.newDatabase(),
                "spring.datasource.username=" + PostgresServer.user(), "spring.datasource.password="};
    }

    /** Where the test server is, and whether it answers. */
    public static final class PostgresServer {

        private PostgresServer() {
        }

        /** A new, empty database, dropped when this JVM ends. @return its JDBC URL */
        public static String newDatabase() {
            String database = "filemail_batch_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
                sql.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create a test database on " + url(""), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(database)));
            return url(database);
        }

        /** FORCE: a test's pool may still hold connections when the JVM ends. */
        private static void drop(String database) {
            try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException e) {
                // Best effort: a leftover test database is harmless.
            }
        }

        static String url(String database) {
            String base = System.getenv().getOrDefault("FILEMAIL_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");
            return base + database;
        }

        public static String user() {
            return System.getenv().getOrDefault("FILEMAIL_TEST_POSTGRES_USER", "postgres");
        }

        public static Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(url(database), user(), "");
        }

        /**
         * For {@code @EnabledIf}: true when the server answers. In CI (CI=true) an absent server is a failure, not
         * a reason to skip: .ci/run starts PostgreSQL, so the tests must really run there.
         */
        public static boolean available() {
            try (Connection ignored = connect("postgres")) {
                return true;
            } catch (SQLException e) {
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException("PostgreSQL is not reachable at " + url("")
                            + " but CI=true: .ci/run should have started it", e);
                }
                return false;
            }
        }
    }
}
