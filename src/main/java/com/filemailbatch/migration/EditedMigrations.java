package com.filemailbatch.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Migrations whose text changed after they were applied, in comments only: Flyway's checksum covers comments too,
 * so a database migrated before the edit would fail validation at the next start. Before Flyway validates, the
 * recorded checksum of each such migration is moved from its old value to its new one, and only from exactly that
 * old value: any other difference is still reported by Flyway as it should be.
 */
@Component
class EditedMigrations implements Callback {

    /** A migration's version, the checksum its earlier text had, and the checksum of its text now. */
    record Edit(String version, int before, int after) {
    }

    static final List<Edit> EDITS = List.of(
            // V4: a comment that named where the change came from, instead of what it is.
            new Edit("4", -102535019, 1638737801));

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String table = context.getConfiguration().getTable();
        Connection connection = context.getConnection();
        try {
            if (!exists(connection, table)) {
                return;
            }
            for (Edit edit : EDITS) {
                // Looked for first: a database already up to date is not written to, so a read-only copy opens.
                if (recordedWith(connection, table, edit)) {
                    try (PreparedStatement update = connection.prepareStatement("UPDATE \"" + table
                            + "\" SET \"checksum\" = ? WHERE \"version\" = ? AND \"checksum\" = ?")) {
                        update.setInt(1, edit.after());
                        update.setString(2, edit.version());
                        update.setInt(3, edit.before());
                        update.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bring the checksums of edited migrations up to date in "
                    + table, e);
        }
    }

    private static boolean recordedWith(Connection connection, String table, Edit edit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM \"" + table
                + "\" WHERE \"version\" = ? AND \"checksum\" = ?")) {
            select.setString(1, edit.version());
            select.setInt(2, edit.before());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }

    @Override
    public String getCallbackName() {
        return "editedMigrations";
    }
}
