package com.filemailbatch.database;

import com.filemailbatch.settings.BatchSettings;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Compacts an H2 file database that has become mostly waste, as the last thing a command that wrote much does
 * before it exits (on by default; {@code filemail.h2-compact-min-mb} sets the size from which it is worth it, a
 * negative value turns it off). Why it is needed: {@code WRITE_DELAY=0} (every
 * commit on disk before it returns, see application.properties) stops H2's background writer, which is also what
 * compacts the file while the database is open. Each commit writes a new chunk, so the file outgrows its data many
 * times over; closing normally compacts for at most 200 ms (H2's {@code MAX_COMPACT_TIME}), which does not dent that.
 *
 * <p>{@code SHUTDOWN COMPACT} rewrites the live data into a new file and replaces the old one atomically: a crash
 * during it leaves the old file as it was. It closes the database, so it runs only when nothing else will use it
 * (the command is ending) and only when the file is large and mostly waste: it takes time in proportion to the
 * live data. PostgreSQL, H2 in memory and H2 over TCP are left alone.
 */
public final class DatabaseCompaction {

    /** H2's {@code info.CHUNKS_FILL_RATE}: the share of the file's chunk space still live. */
    static final int MAX_LIVE_PERCENT = 50;

    private final long minFileBytes;
    private final int maxLivePercent;

    /** Thresholds of its own, so tests need not write hundreds of MB. */
    DatabaseCompaction(long minFileBytes, int maxLivePercent) {
        this.minFileBytes = minFileBytes;
        this.maxLivePercent = maxLivePercent;
    }

    /**
     * The check a command that wrote makes as the last thing before it exits: for a file of at least
     * {@code filemail.h2-compact-min-mb} MB with at most {@value #MAX_LIVE_PERCENT}% live. Without it the file
     * would grow with every run, whatever its data. H2 reads the file's chunk map to compact it, so the heap it
     * needs grows with the file; keeping the file small run after run keeps that bounded too. The database is
     * closed afterwards if it was compacted.
     */
    public static Outcome atExit(ConfigurableApplicationContext context, PrintStream err) {
        long minMb = context.getBean(BatchSettings.class).h2CompactMinMb();
        if (minMb < 0) {
            return Outcome.SKIPPED;
        }
        return new DatabaseCompaction(minMb * 1024 * 1024, MAX_LIVE_PERCENT)
                .compactIfWasteful(context.getBean(DataSource.class), err);
    }

    /**
     * The same check between two launches of {@code serve}, which keeps the database open for days: after a
     * compaction the pool's connections (all closed by it) are evicted, and the next connection opens the rewritten
     * file again. Only while no launch runs: {@code serve} launches one at a time.
     */
    public static Outcome betweenRuns(ConfigurableApplicationContext context, PrintStream err) {
        long minMb = context.getBean(BatchSettings.class).h2CompactMinMb();
        if (minMb < 0) {
            return Outcome.SKIPPED;
        }
        return new DatabaseCompaction(minMb * 1024 * 1024, MAX_LIVE_PERCENT)
                .compactAndReopen(context.getBean(DataSource.class), err);
    }

    /** {@link #compactIfWasteful}, then the pool made to open the file afresh. */
    Outcome compactAndReopen(DataSource dataSource, PrintStream err) {
        Outcome outcome = compactIfWasteful(dataSource, err);
        if (outcome.compacted() && dataSource instanceof HikariDataSource pool
                && pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        return outcome;
    }

    /** What a check found; {@code compacted} with the sizes before and after. */
    public record Outcome(boolean compacted, long bytesBefore, int livePercent, long bytesAfter) {

        /** Not an H2 file, compaction turned off, or the check failed. */
        public static final Outcome SKIPPED = new Outcome(false, 0, 100, 0);
    }

    /**
     * Compacts the database behind {@code dataSource} if it is an H2 file of at least the minimum size with at most
     * the given live share, telling {@code err} before (it may take seconds) and after. A failure is reported on
     * {@code err} and otherwise ignored: the command's work is done and recorded, and the file is only larger.
     * After a compaction the database is closed: the caller must not use it again.
     */
    Outcome compactIfWasteful(DataSource dataSource, PrintStream err) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            String url = connection.getMetaData().getURL();
            if (!isH2File(url)) {
                return Outcome.SKIPPED;
            }
            Path file = databaseFile(connection);
            long size = setting(connection, "info.FILE_SIZE");
            int live = (int) setting(connection, "info.CHUNKS_FILL_RATE");
            if (size < minFileBytes || live > maxLivePercent) {
                return new Outcome(false, size, live, size);
            }
            err.printf(Locale.ROOT, "compacting the database (%,.0f MB, %d%% of it live data)...%n", megabytes(size),
                    live);
            long started = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
            long after = Files.size(file);
            err.printf(Locale.ROOT, "database compacted to %,.0f MB in %.1f s%n", megabytes(after),
                    (System.nanoTime() - started) / 1e9);
            return new Outcome(true, size, live, after);
        } catch (SQLException | IOException | RuntimeException e) {
            err.println("warning: the database could not be compacted (" + e.getMessage() + "); it stays as it was");
            return Outcome.SKIPPED;
        } finally {
            closeQuietly(connection);
        }
    }

    /** After SHUTDOWN the pool cannot reset the connection it lent: that failure is expected, not news. */
    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException expected) {
            // the database is closed
        }
    }

    static boolean isH2File(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return false;
        }
        String location = url.substring("jdbc:h2:".length());
        return !location.startsWith("mem:") && !location.startsWith("tcp:") && !location.startsWith("ssl:");
    }

    private static long setting(Connection connection, String name) throws SQLException {
        try (var query = connection.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("H2 does not report " + name);
                }
                return Long.parseLong(row.getString(1).trim());
            }
        }
    }

    /** The database's {@code .mv.db} file, as H2 names it ({@code DATABASE_PATH()} is without the suffix). */
    private static Path databaseFile(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("CALL DATABASE_PATH()")) {
            if (!row.next() || row.getString(1) == null) {
                throw new SQLException("H2 names no database file");
            }
            return Path.of(row.getString(1) + ".mv.db");
        }
    }

    private static double megabytes(long bytes) {
        return bytes / 1e6;
    }
}
