package com.filemailbatch.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throwaway PostgreSQL database for the workers figure, made on the server named by {@code FILEMAIL_BENCH_POSTGRES}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code FILEMAIL_BENCH_POSTGRES_USER}, default
 * {@code postgres}, password {@code FILEMAIL_BENCH_POSTGRES_PASSWORD}), and dropped when closed. The manager and its
 * workers must share one database, which an embedded H2 file cannot be for several processes.
 */
final class BenchDatabase implements AutoCloseable {

    private final String server;
    private final String user;
    private final String password;
    private final String name = "filemail_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private BenchDatabase(String server, String user, String password) {
        this.server = server;
        this.user = user;
        this.password = password;
    }

    /** On the server the environment names. */
    static BenchDatabase create() {
        return create(System.getenv().getOrDefault("FILEMAIL_BENCH_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/"),
                System.getenv().getOrDefault("FILEMAIL_BENCH_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("FILEMAIL_BENCH_POSTGRES_PASSWORD", ""));
    }

    /**
     * @param server a JDBC URL ending with {@code /}, to which a database name is appended
     * @throws BenchUnavailableException when the server cannot be reached or refuses to make a database
     */
    static BenchDatabase create(String server, String user, String password) {
        BenchDatabase database = new BenchDatabase(server, user, password);
        try (Connection admin = database.connect(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database.name);
        } catch (SQLException e) {
            throw new BenchUnavailableException("bench --workers needs a PostgreSQL server that the manager and its "
                    + "workers share, and could not make a database on " + database.server + " as "
                    + database.user + " (" + e.getMessage() + "); start PostgreSQL, or name one with "
                    + "FILEMAIL_BENCH_POSTGRES, FILEMAIL_BENCH_POSTGRES_USER and FILEMAIL_BENCH_POSTGRES_PASSWORD");
        }
        return database;
    }

    /** The Spring Boot properties of a context on this database. */
    String[] properties() {
        return new String[] {"--spring.datasource.url=" + server + name, "--spring.datasource.username=" + user,
            "--spring.datasource.password=" + password};
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(server + "postgres", user, password);
    }

    /** FORCE: a context's pool may still hold a connection. Best effort: a leftover bench database is harmless. */
    @Override
    public void close() {
        try (Connection admin = connect(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // Named filemail_bench_*: easy to find and drop by hand.
        }
    }
}
