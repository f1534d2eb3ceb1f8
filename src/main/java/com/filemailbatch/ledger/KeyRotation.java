package com.filemailbatch.ledger;

import com.filemailbatch.ledger.MasterKeySource.MasterKeyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code rotate-key}: re-encrypts every stored key (transfer keys and stored requests) under a new master key, and
 * records the new key's check, in one transaction. Until it commits the old key opens every row; after, the new one
 * does. The new key is:
 * <ul>
 * <li>with {@code FILEMAIL_BATCH_NEW_SECRET} set: that secret, derived with PBKDF2 and a new salt;</li>
 * <li>else with {@code FILEMAIL_BATCH_SECRET} set: the same secret with a new salt (this moves a ledger of the
 *     earlier SHA-256 derivation to PBKDF2);</li>
 * <li>else: a new random key, written to {@code master.key.new} before the transaction and renamed over
 *     {@code master.key} after it committed. A rotation stopped between the two is finished by the next start, which
 *     finds that only {@code master.key.new} matches the ledger.</li>
 * </ul>
 * The caller holds the job locks, so that no run encrypts under the old key meanwhile.
 */
@Component
public class KeyRotation {

    /** Rows re-encrypted per statement batch, and between two progress reports. */
    static final int PAGE = 500;

    private final LedgerKeys keys;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    KeyRotation(LedgerKeys keys, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Told after every page of rows re-encrypted (in the transaction, before it commits). */
    @FunctionalInterface
    public interface Progress {
        void rows(long done, long total);
    }

    /**
     * What a rotation did.
     *
     * @param oldKeyId    the key the ledger was encrypted under
     * @param newKeyId    the key it is encrypted under now
     * @param transferKeys transfer keys re-encrypted
     * @param requests    stored requests re-encrypted
     * @param unreadable  references of values the old key could not open (left as they were: they were lost before)
     * @param newSecret   whether the new key is {@code FILEMAIL_BATCH_NEW_SECRET}'s, which must now replace
     *                    {@code FILEMAIL_BATCH_SECRET}
     * @param keyFile     the key file now holding the new key, or null when the key comes from a secret
     */
    public record Rotation(String oldKeyId, String newKeyId, long transferKeys, long requests,
            List<String> unreadable, boolean newSecret, Path keyFile) {
    }

    public Rotation rotate(Progress progress) {
        KeyCheck current = keys.check();
        TransferKeyCipher oldCipher = keys.cipher();
        String targetSecret = keys.newSecret() != null ? keys.newSecret() : keys.secret();
        KeyCheck.Keyed target = targetSecret != null ? KeyCheck.Keyed.fromSecret(targetSecret)
                : KeyCheck.Keyed.fromFile(MasterKeySource.random());
        SecretKey newKey = target.key();
        KeyCheck newCheck = target.check();
        if (targetSecret == null) {
            // Written first: should the process die after the commit, the new key is on disk.
            MasterKeySource.write(keys.newKeyFile(), newKey);
        }
        TransferKeyCipher newCipher = new TransferKeyCipher(newKey);
        long[] counts = new long[2];
        List<String> unreadable = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            Long total = jdbc.queryForObject("SELECT COUNT(*) FROM transfer_ledger WHERE transfer_key_enc IS NOT NULL "
                    + "OR request_enc IS NOT NULL", Long.class);
            long done = 0;
            long after = Long.MIN_VALUE;
            while (true) {
                List<StoredRow> page = jdbc.query("SELECT id, reference, transfer_key_enc, request_enc "
                        + "FROM transfer_ledger WHERE (transfer_key_enc IS NOT NULL OR request_enc IS NOT NULL) "
                        + "AND id > ? ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY", (rs, i) -> new StoredRow(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), after);
                if (page.isEmpty()) {
                    break;
                }
                List<Object[]> updates = new ArrayList<>(page.size());
                for (StoredRow row : page) {
                    String key = reencrypt(row.reference(), row.transferKeyEnc(), oldCipher, newCipher, unreadable,
                            counts, 0);
                    String request = reencrypt(LedgerRepository.REQUEST_CONTEXT + row.reference(),
                            row.requestEnc(), oldCipher, newCipher, unreadable, counts, 1);
                    updates.add(new Object[] {key, request, row.id()});
                }
                jdbc.batchUpdate("UPDATE transfer_ledger SET transfer_key_enc = ?, request_enc = ? WHERE id = ?",
                        updates);
                done += page.size();
                after = page.get(page.size() - 1).id();
                progress.rows(done, total == null ? done : total);
            }
            if (!keys.table().replace(current.keyId(), newCheck)) {
                throw new MasterKeyException("the ledger's master key changed while rotate-key ran (another "
                        + "rotate-key?): nothing was changed; run it again");
            }
        });
        Path keyFile = null;
        if (targetSecret == null) {
            MasterKeySource.install(keys.newKeyFile(), keys.keyFile());
            keyFile = keys.keyFile();
        }
        return new Rotation(current.keyId(), newCheck.keyId(), counts[0], counts[1], List.copyOf(unreadable),
                keys.newSecret() != null, keyFile);
    }

    /** The value under the new key; as it was when the old key cannot open it (another key's, or altered). */
    private static String reencrypt(String context, String stored, TransferKeyCipher oldCipher,
            TransferKeyCipher newCipher, List<String> unreadable, long[] counts, int kind) {
        if (stored == null) {
            return null;
        }
        String plain;
        try {
            plain = oldCipher.decrypt(context, stored);
        } catch (RuntimeException cannot) {
            unreadable.add(context);
            return stored;
        }
        counts[kind]++;
        return newCipher.encrypt(context, plain);
    }

    private record StoredRow(long id, String reference, String transferKeyEnc, String requestEnc) {
    }
}
