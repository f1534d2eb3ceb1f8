package com.filemailbatch.ledger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/** The one row of {@code master_key_check}, and what the ledger holds encrypted. */
final class KeyCheckTable {

    private final JdbcTemplate jdbc;

    KeyCheckTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<KeyCheck> read() {
        List<KeyCheck> rows = jdbc.query("SELECT key_id, check_value, key_source, kdf, kdf_salt, kdf_iterations "
                + "FROM master_key_check WHERE id = 1", (rs, i) -> new KeyCheck(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4) == null ? null
                        : KeyDerivation.stored(rs.getString(4), rs.getString(5), rs.getInt(6))));
        return rows.stream().findFirst();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another process recorded its key first */
    void insert(KeyCheck check) {
        KeyDerivation kdf = check.derivation();
        jdbc.update("INSERT INTO master_key_check (id, key_id, check_value, key_source, kdf, kdf_salt, "
                + "kdf_iterations, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)", check.keyId(), check.checkValue(),
                check.source(), kdf == null ? null : kdf.name(), kdf == null ? null : kdf.saltText(),
                kdf == null ? null : kdf.iterations(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Replaces the check of key {@code previousKeyId}. @return false when the recorded key is another one */
    boolean replace(String previousKeyId, KeyCheck check) {
        KeyDerivation kdf = check.derivation();
        return jdbc.update("UPDATE master_key_check SET key_id = ?, check_value = ?, key_source = ?, kdf = ?, "
                + "kdf_salt = ?, kdf_iterations = ?, updated_at = ? WHERE id = 1 AND key_id = ?", check.keyId(),
                check.checkValue(), check.source(), kdf == null ? null : kdf.name(),
                kdf == null ? null : kdf.saltText(), kdf == null ? null : kdf.iterations(),
                OffsetDateTime.now(ZoneOffset.UTC), previousKeyId) == 1;
    }

    /** Whether any row holds an encrypted value (a transfer key or a stored request). */
    boolean ledgerHoldsKeys() {
        return !jdbc.queryForList("SELECT id FROM transfer_ledger WHERE transfer_key_enc IS NOT NULL "
                + "OR request_enc IS NOT NULL FETCH FIRST 1 ROWS ONLY", Long.class).isEmpty();
    }

    /**
     * The ids of the master keys the ledger's values are encrypted under ({@code v1.<key id>.…}): read once, for a
     * ledger that has no check yet (one written before the check existed).
     */
    Set<String> storedKeyIds() {
        return new TreeSet<>(jdbc.queryForList("SELECT SUBSTRING(transfer_key_enc FROM 4 FOR 8) FROM transfer_ledger "
                + "WHERE transfer_key_enc IS NOT NULL UNION SELECT SUBSTRING(request_enc FROM 4 FOR 8) "
                + "FROM transfer_ledger WHERE request_enc IS NOT NULL", String.class));
    }
}
