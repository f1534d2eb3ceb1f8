package com.filemailbatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A database from before the shredding: the keys of transfers already final go with the upgrade. */
class ShredFinalKeysMigrationTest {

    @Test
    void theUpgradeShredsTheKeysOfTransfersAlreadyFinalAndKeepsTheLiveOnes() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:shred-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target(MigrationVersion.fromVersion("7")).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        for (String status : new String[] {"COMPLETED", "CANCELLED", "EXPIRED", "INITIALIZED", "UPLOADING",
                "DEFERRED"}) {
            jdbc.update("INSERT INTO transfer_ledger (reference, status, attempt, transfer_key_enc, request_enc, "
                    + "created_at, updated_at) VALUES (?, ?, 1, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", status,
                    status, "v1.00000000.key-" + status, "v1.00000000.request-" + status);
        }

        Flyway.configure().dataSource(h2).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();

        for (String finalStatus : new String[] {"COMPLETED", "CANCELLED", "EXPIRED"}) {
            assertThat(row(jdbc, finalStatus)).as(finalStatus).containsEntry("TRANSFER_KEY_ENC", null)
                    .containsEntry("REQUEST_ENC", null);
        }
        for (String live : new String[] {"INITIALIZED", "UPLOADING", "DEFERRED"}) {
            assertThat(row(jdbc, live)).as(live).containsEntry("TRANSFER_KEY_ENC", "v1.00000000.key-" + live)
                    .containsEntry("REQUEST_ENC", "v1.00000000.request-" + live);
        }
    }

    private static Map<String, Object> row(JdbcTemplate jdbc, String reference) {
        return jdbc.queryForMap("SELECT transfer_key_enc, request_enc FROM transfer_ledger WHERE reference = ?",
                reference);
    }
}
