package com.filemailbatch.ledger;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import java.util.logging.Logger;
import javax.crypto.KeyGenerator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real ledger for unit tests built with plain {@code new}: the application's migrations on a private H2 database in
 * memory, and a switch that makes the database unreachable, to see what a failure at a given moment leaves behind.
 */
public final class TestLedger {

    private final SwitchableDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactionManager;
    private final LedgerRepository repository;

    private TestLedger(SwitchableDataSource dataSource) throws Exception {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactionManager = new DataSourceTransactionManager(dataSource);
        KeyGenerator keys = KeyGenerator.getInstance("AES");
        keys.init(256);
        this.repository = new LedgerRepository(jdbc, transactionManager, new TransferKeyCipher(keys.generateKey()),
                Clock.systemUTC(), JsonMapper.builder().build());
    }

    public static TestLedger create() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        try {
            return new TestLedger(new SwitchableDataSource(h2));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public LedgerRepository repository() {
        return repository;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public DataSourceTransactionManager transactionManager() {
        return transactionManager;
    }

    /** A job execution the ledger's rows can name (their foreign key wants one); returns its id. */
    public long execution(long id) {
        jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (?, 0, ?, ?)",
                id, "sendTransfersJob", "key-" + id);
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, STATUS) "
                + "VALUES (?, 0, ?, CURRENT_TIMESTAMP, 'STARTED')", id, id);
        return id;
    }

    /** While down, every new connection is refused, as when the database server went away. */
    public void down(boolean down) {
        dataSource.down = down;
    }

    /** A row's status as committed, or null when the ledger has no such row. */
    public String status(String reference) {
        return jdbc.query("SELECT status FROM transfer_ledger WHERE reference = ?",
                rs -> rs.next() ? rs.getString(1) : null, reference);
    }

    /** A row's column as committed. */
    public Object column(String reference, String column) {
        return jdbc.queryForMap("SELECT " + column + " AS v FROM transfer_ledger WHERE reference = ?", reference)
                .get("V");
    }

    private static final class SwitchableDataSource implements DataSource {

        private final DataSource target;
        private volatile boolean down;

        SwitchableDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("the test ledger is down");
            }
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getAnonymousLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return target.isWrapperFor(type);
        }
    }
}
