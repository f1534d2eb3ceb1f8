package com.filemailbatch.ledger;

import com.filemailbatch.ledger.MasterKeySource.MasterKeyException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The master key this process uses, confirmed at start against the key the ledger's stored keys are encrypted under
 * ({@code master_key_check}): a key that is not that one is refused, never used beside it and never created in its
 * place, since the live transfers could then not be cancelled any more. A ledger from before the check is recognised
 * by the key id its encrypted values carry, and its check recorded.
 *
 * <p>The key comes from {@code FILEMAIL_BATCH_SECRET} when set (derived as the check records: PBKDF2 with the
 * ledger's salt, or the bare SHA-256 of earlier versions until {@code rotate-key}), otherwise from
 * {@code <data-dir>/master.key}. After a rotation that committed but was cut off before its last step, the new key
 * ({@code master.key.new}, or {@code FILEMAIL_BATCH_NEW_SECRET}) is the one that matches, and is taken.
 */
public final class LedgerKeys {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerKeys.class);

    private final KeyCheckTable table;
    private final String secret;
    private final String newSecret;
    private final Path dataDir;
    private TransferKeyCipher cipher;
    private KeyCheck check;

    private LedgerKeys(JdbcTemplate jdbc, String secret, String newSecret, Path dataDir) {
        this.table = new KeyCheckTable(jdbc);
        this.secret = blankToNull(secret);
        this.newSecret = blankToNull(newSecret);
        this.dataDir = dataDir;
    }

    /**
     * @param secret    {@code FILEMAIL_BATCH_SECRET}, or null/blank to use the key file
     * @param newSecret {@code FILEMAIL_BATCH_NEW_SECRET} (the target of {@code rotate-key}), or null/blank
     * @throws MasterKeyException with a line for the operator: what is wrong and how to restore the key
     */
    static LedgerKeys open(JdbcTemplate jdbc, String secret, String newSecret, Path dataDir) {
        LedgerKeys keys = new LedgerKeys(jdbc, secret, newSecret, dataDir);
        if (keys.newSecret != null) {
            MasterKeySource.checkSecret("FILEMAIL_BATCH_NEW_SECRET", keys.newSecret);
        }
        keys.resolve();
        return keys;
    }

    public TransferKeyCipher cipher() {
        return cipher;
    }

    /**
     * Refuses when the ledger's key changed since this process started (a {@code rotate-key} in another process):
     * what this process would encrypt from now on could not be read by anyone. Called with the job's lock held.
     */
    public void confirmStillCurrent() {
        Optional<KeyCheck> recorded = table.read();
        if (recorded.isPresent() && !recorded.get().keyId().equals(cipher.keyId())) {
            throw new MasterKeyException("the ledger's master key was rotated to " + recorded.get().keyId()
                    + " since this process started with " + cipher.keyId() + ": restart it (with the new "
                    + (recorded.get().fromSecret() ? "FILEMAIL_BATCH_SECRET" : "master.key") + ")");
        }
    }

    String secret() {
        return secret;
    }

    String newSecret() {
        return newSecret;
    }

    Path dataDir() {
        return dataDir;
    }

    Path keyFile() {
        return dataDir.resolve(MasterKeySource.KEY_FILE_NAME);
    }

    Path newKeyFile() {
        return dataDir.resolve(MasterKeySource.NEW_KEY_FILE_NAME);
    }

    KeyCheck check() {
        return check;
    }

    KeyCheckTable table() {
        return table;
    }

    private void resolve() {
        Optional<KeyCheck> recorded = table.read();
        if (recorded.isEmpty()) {
            firstCheck();
            return;
        }
        KeyCheck known = recorded.get();
        SecretKey key = candidate(known, secret);
        if (known.matches(key)) {
            use(key, known);
            return;
        }
        if (newSecret != null && known.fromSecret() && known.matches(candidate(known, newSecret))) {
            LOG.warn("the ledger is encrypted under FILEMAIL_BATCH_NEW_SECRET (a rotate-key committed): set "
                    + "FILEMAIL_BATCH_SECRET to it");
            use(candidate(known, newSecret), known);
            return;
        }
        if (secret == null && !known.fromSecret()) {
            Optional<SecretKey> rotatedTo = MasterKeySource.existing(newKeyFile());
            if (rotatedTo.isPresent() && known.matches(rotatedTo.get())) {
                // A rotation committed and stopped before it put its key in place: finish it.
                MasterKeySource.install(newKeyFile(), keyFile());
                LOG.warn("{} replaced {}: the rotate-key that wrote it had committed", newKeyFile(), keyFile());
                use(rotatedTo.get(), known);
                return;
            }
        }
        if (!table.ledgerHoldsKeys()) {
            // Nothing is encrypted under the recorded key, so nothing can be lost: the key at hand becomes it.
            KeyCheck.Keyed at = secret != null ? KeyCheck.Keyed.fromSecret(secret)
                    : KeyCheck.Keyed.fromFile(MasterKeySource.fromKeyFile(dataDir));
            SecretKey adopted = at.key();
            KeyCheck adoptedCheck = at.check();
            table.replace(known.keyId(), adoptedCheck);
            LOG.warn("the ledger holds no encrypted key: master key {} replaces {}", adoptedCheck.keyId(),
                    known.keyId());
            use(adopted, adoptedCheck);
            return;
        }
        throw refusal(known.keyId(), known.fromSecret(), key);
    }

    /** The key the check's source gives for {@code value} (a secret), or the key file; null when there is none. */
    private SecretKey candidate(KeyCheck known, String value) {
        if (value != null) {
            return known.fromSecret() ? known.derivation().derive(value) : null;
        }
        return known.fromSecret() ? null : MasterKeySource.existing(keyFile()).orElse(null);
    }

    /** A ledger without a check: new, or written before the check existed. */
    private void firstCheck() {
        Set<String> stored = table.storedKeyIds();
        SecretKey key;
        KeyCheck first;
        if (secret != null) {
            if (stored.isEmpty()) {
                KeyCheck.Keyed fresh = KeyCheck.Keyed.fromSecret(secret);
                key = fresh.key();
                first = fresh.check();
            } else {
                key = KeyDerivation.LEGACY.derive(secret);
                first = KeyCheck.of(key, KeyCheck.SECRET, KeyDerivation.LEGACY);
                if (!stored.contains(first.keyId())) {
                    throw refusal(String.join(", ", stored), null, key);
                }
                LOG.warn("the ledger's keys are encrypted under the SHA-256 derivation of FILEMAIL_BATCH_SECRET of "
                        + "earlier versions: run rotate-key to move them to PBKDF2");
            }
        } else {
            if (stored.isEmpty()) {
                key = MasterKeySource.fromKeyFile(dataDir);
            } else {
                key = MasterKeySource.existing(keyFile()).orElse(null);
                if (key == null || !stored.contains(TransferKeyCipher.keyIdOf(key))) {
                    throw refusal(String.join(", ", stored), null, key);
                }
            }
            first = KeyCheck.of(key, KeyCheck.FILE, null);
        }
        if (stored.size() > 1) {
            LOG.warn("the ledger holds values encrypted under master keys {}; those not under {} cannot be read",
                    stored, first.keyId());
        }
        try {
            table.insert(first);
        } catch (DuplicateKeyException raced) {
            // Another process recorded its check first: go by it.
            resolve();
            return;
        }
        use(key, first);
    }

    private void use(SecretKey key, KeyCheck known) {
        this.cipher = new TransferKeyCipher(key);
        this.check = known;
    }

    /**
     * The line that says the key at hand is not the ledger's, and how to get the right one back.
     *
     * @param recordedFromSecret whether the ledger's key came from a secret; null when not known (no check yet)
     */
    private MasterKeyException refusal(String ledgerKeyIds, Boolean recordedFromSecret, SecretKey key) {
        String found = secret != null ? (key == null ? "FILEMAIL_BATCH_SECRET is set"
                : "FILEMAIL_BATCH_SECRET gives master key " + TransferKeyCipher.keyIdOf(key))
                : Boolean.TRUE.equals(recordedFromSecret) ? "FILEMAIL_BATCH_SECRET is not set"
                : key == null ? keyFile() + " is missing" : keyFile() + " holds master key "
                        + TransferKeyCipher.keyIdOf(key);
        String restore = Boolean.TRUE.equals(recordedFromSecret)
                ? "set FILEMAIL_BATCH_SECRET to the secret this database was encrypted under"
                : Boolean.FALSE.equals(recordedFromSecret)
                        ? (secret != null ? "unset FILEMAIL_BATCH_SECRET and " : "")
                                + "restore " + keyFile() + " from the backup made with this database"
                        : "restore " + keyFile() + " from the backup made with this database, or set "
                                + "FILEMAIL_BATCH_SECRET to the secret it was encrypted under";
        return new MasterKeyException(found + ", but the ledger's transfer keys are encrypted under master key "
                + ledgerKeyIds + ": " + restore + ". Nothing was changed and no new key was made: with one, the "
                + "live transfers could not be cancelled.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
