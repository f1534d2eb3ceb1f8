package com.filemailbatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.filemailbatch.filemail.TransferInitializeResult;
import com.filemailbatch.ledger.MasterKeySource.MasterKeyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The master key over its life: checked against the ledger at start, rotated, and the earlier derivation read. */
class LedgerKeysTest {

    private static final String SECRET = "correct horse battery staple";
    private static final String NEW_SECRET = "a-new-secret-of-the-operators";

    @TempDir
    Path dataDir;

    private TestLedger ledger;

    @BeforeEach
    void newLedger() {
        ledger = TestLedger.create();
        ledger.execution(1);
    }

    @Test
    void aDeletedKeyFileIsRefusedAndNotRecreated() throws Exception {
        LedgerKeys keys = open(null, null);
        live(keys, "K-1");
        Files.delete(keyFile());

        assertThatThrownBy(() -> open(null, null))
                .isInstanceOf(MasterKeyException.class)
                .hasMessage(keyFile() + " is missing, but the ledger's transfer keys are encrypted under master key "
                        + keys.cipher().keyId() + ": restore " + keyFile() + " from the backup made with this "
                        + "database. Nothing was changed and no new key was made: with one, the live transfers "
                        + "could not be cancelled.");
        assertThat(keyFile()).doesNotExist();
    }

    @Test
    void aDeletedKeyFileOfALedgerFromBeforeTheCheckIsRefusedToo() throws Exception {
        LedgerKeys keys = open(null, null);
        live(keys, "K-1");
        ledger.jdbc().update("DELETE FROM master_key_check");
        Files.delete(keyFile());

        assertThatThrownBy(() -> open(null, null))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith(keyFile() + " is missing, but the ledger's transfer keys are encrypted "
                        + "under master key " + keys.cipher().keyId() + ": restore " + keyFile());
        assertThat(keyFile()).doesNotExist();
    }

    @Test
    void anotherKeyFileIsRefusedNamingBothKeys() throws Exception {
        LedgerKeys keys = open(null, null);
        live(keys, "K-1");
        Files.delete(keyFile());
        SecretKey other = MasterKeySource.fromKeyFile(dataDir);

        assertThatThrownBy(() -> open(null, null))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith(keyFile() + " holds master key " + TransferKeyCipher.keyIdOf(other)
                        + ", but the ledger's transfer keys are encrypted under master key " + keys.cipher().keyId());
    }

    @Test
    void aSecretSetOnALedgerOfTheKeyFileIsRefused() {
        LedgerKeys keys = open(null, null);
        live(keys, "K-1");

        assertThatThrownBy(() -> open(SECRET, null))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith("FILEMAIL_BATCH_SECRET is set, but the ledger's transfer keys are encrypted "
                        + "under master key " + keys.cipher().keyId() + ": unset FILEMAIL_BATCH_SECRET and restore "
                        + keyFile());
    }

    @Test
    void aWrongSecretIsRefused() {
        LedgerKeys keys = open(SECRET, null);
        live(keys, "K-1");

        assertThatThrownBy(() -> open("not the secret it was made with", null))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("but the ledger's transfer keys are encrypted under master key "
                        + keys.cipher().keyId() + ": set FILEMAIL_BATCH_SECRET to the secret this database was "
                        + "encrypted under");
        assertThat(keyFile()).doesNotExist();
    }

    @Test
    void theSameSecretOpensItsLedgerAgain() {
        LedgerKeys keys = open(SECRET, null);
        live(keys, "K-1");

        LedgerKeys again = open(SECRET, null);

        assertThat(again.cipher().keyId()).isEqualTo(keys.cipher().keyId());
        assertThat(transferKey(again, "K-1")).isEqualTo("key-of-K-1");
        assertThat(again.check().derivation().name()).isEqualTo(KeyDerivation.PBKDF2);
    }

    @Test
    void aLedgerOfTheEarlierSha256DerivationKeepsWorkingUntilRotated() {
        // As an earlier version left it: values under SHA-256(secret), no check recorded.
        TransferKeyCipher earlier = new TransferKeyCipher(KeyDerivation.LEGACY.derive(SECRET));
        repository(earlier).claim(claim("OLD-1"));
        repository(earlier).markInitialized("OLD-1", result("OLD-1"), null);

        LedgerKeys keys = open(SECRET, null);

        assertThat(keys.check().derivation().isLegacy()).isTrue();
        assertThat(transferKey(keys, "OLD-1")).isEqualTo("key-of-OLD-1");

        new KeyRotation(keys, ledger.jdbc(), ledger.transactionManager()).rotate((done, total) -> { });
        LedgerKeys rotated = open(SECRET, null);

        assertThat(rotated.check().derivation().name()).isEqualTo(KeyDerivation.PBKDF2);
        assertThat(rotated.cipher().keyId()).isNotEqualTo(earlier.keyId());
        assertThat(transferKey(rotated, "OLD-1")).isEqualTo("key-of-OLD-1");
    }

    @Test
    void rotationReencryptsEveryTransferKeyAndStoredRequestUnderANewKeyFile() throws Exception {
        LedgerKeys keys = open(null, null);
        live(keys, "K-1");
        repository(keys.cipher()).claim(claim("R-1"));
        String oldKeyFile = Files.readString(keyFile());

        KeyRotation.Rotation rotation = new KeyRotation(keys, ledger.jdbc(), ledger.transactionManager())
                .rotate((done, total) -> { });

        assertThat(rotation.transferKeys()).isEqualTo(1);
        assertThat(rotation.requests()).isEqualTo(1);
        assertThat(rotation.unreadable()).isEmpty();
        assertThat(Files.readString(keyFile())).isNotEqualTo(oldKeyFile);
        assertThat(dataDir.resolve("master.key.new")).doesNotExist();
        LedgerKeys after = open(null, null);
        assertThat(after.cipher().keyId()).isEqualTo(rotation.newKeyId()).isNotEqualTo(rotation.oldKeyId());
        assertThat(transferKey(after, "K-1")).isEqualTo("key-of-K-1");
        assertThat(repository(after.cipher()).storedRequest("R-1")).isEqualTo("{\"reference\":\"R-1\"}");
        assertThat(ledger.column("K-1", "transfer_key_enc").toString()).startsWith("v1." + rotation.newKeyId());
    }

    @Test
    void aRotationThatFailsMidwayLeavesTheOldKeyOpeningEveryRowAndRunningItAgainFinishes() {
        LedgerKeys keys = open(null, null);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < KeyRotation.PAGE + 10; i++) {
            claims.add(claim("M-" + i));
        }
        repository(keys.cipher()).claimAll(claims);
        KeyRotation rotation = new KeyRotation(keys, ledger.jdbc(), ledger.transactionManager());

        assertThatThrownBy(() -> rotation.rotate((done, total) -> {
            throw new IllegalStateException("the process dies after " + done + " of " + total);
        })).hasMessage("the process dies after " + KeyRotation.PAGE + " of " + (KeyRotation.PAGE + 10));

        LedgerKeys stillOld = open(null, null);
        assertThat(stillOld.cipher().keyId()).isEqualTo(keys.cipher().keyId());
        for (Claim claim : claims) {
            assertThat(repository(stillOld.cipher()).storedRequest(claim.reference())).isEqualTo(claim.requestJson());
        }

        KeyRotation.Rotation again = new KeyRotation(stillOld, ledger.jdbc(), ledger.transactionManager())
                .rotate((done, total) -> { });

        assertThat(again.requests()).isEqualTo(KeyRotation.PAGE + 10);
        LedgerKeys after = open(null, null);
        assertThat(after.cipher().keyId()).isEqualTo(again.newKeyId());
        assertThat(repository(after.cipher()).storedRequest("M-0")).isEqualTo(claims.get(0).requestJson());
    }

    @Test
    void aRotationCutOffAfterItsCommitIsFinishedByTheNextStart() throws Exception {
        LedgerKeys keys = open(null, null);
        live(keys, "K-1");
        String oldKey = Files.readString(keyFile());
        new KeyRotation(keys, ledger.jdbc(), ledger.transactionManager()).rotate((done, total) -> { });
        // As if the process died between the commit and the rename: the new key still beside the old one.
        Files.move(keyFile(), dataDir.resolve("master.key.new"));
        Files.createFile(keyFile(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                "rw-------")));
        Files.writeString(keyFile(), oldKey);

        LedgerKeys next = open(null, null);

        assertThat(transferKey(next, "K-1")).isEqualTo("key-of-K-1");
        assertThat(dataDir.resolve("master.key.new")).doesNotExist();
        assertThat(Files.readString(keyFile())).isNotEqualTo(oldKey);
    }

    @Test
    void aRotationToANewSecretTakesTheNewSecretFromThenOn() {
        LedgerKeys keys = open(SECRET, NEW_SECRET);
        live(keys, "K-1");

        KeyRotation.Rotation rotation = new KeyRotation(keys, ledger.jdbc(), ledger.transactionManager())
                .rotate((done, total) -> { });

        assertThat(rotation.newSecret()).isTrue();
        assertThat(rotation.keyFile()).isNull();
        assertThat(transferKey(open(NEW_SECRET, null), "K-1")).isEqualTo("key-of-K-1");
        assertThat(transferKey(open(SECRET, NEW_SECRET), "K-1")).as("cut off before the environment changed")
                .isEqualTo("key-of-K-1");
        assertThatThrownBy(() -> open(SECRET, null)).isInstanceOf(MasterKeyException.class);
        assertThat(keyFile()).doesNotExist();
    }

    @Test
    void aProcessStartedBeforeARotationIsRefusedItsNextRun() {
        LedgerKeys running = open(null, null);
        LedgerKeys rotating = open(null, null);
        new KeyRotation(rotating, ledger.jdbc(), ledger.transactionManager()).rotate((done, total) -> { });

        assertThatThrownBy(running::confirmStillCurrent)
                .isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith("the ledger's master key was rotated to ")
                .hasMessageEndingWith(": restart it (with the new master.key)");
    }

    @Test
    void aLedgerHoldingNoKeyTakesTheKeyAtHand() throws Exception {
        LedgerKeys keys = open(null, null);
        Files.delete(keyFile());

        LedgerKeys next = open(null, null);

        assertThat(next.cipher().keyId()).isNotEqualTo(keys.cipher().keyId());
        assertThat(open(null, null).cipher().keyId()).isEqualTo(next.cipher().keyId());
    }

    private LedgerKeys open(String secret, String newSecret) {
        return LedgerKeys.open(ledger.jdbc(), secret, newSecret, dataDir);
    }

    private Path keyFile() {
        return dataDir.resolve("master.key");
    }

    /** A row whose transfer is live: its key stored under the key of {@code keys}. */
    private void live(LedgerKeys keys, String reference) {
        LedgerRepository repository = repository(keys.cipher());
        repository.claim(claim(reference));
        repository.markInitialized(reference, result(reference), null);
    }

    private String transferKey(LedgerKeys keys, String reference) {
        LedgerRepository repository = repository(keys.cipher());
        return repository.transferKey(repository.find(reference).orElseThrow());
    }

    private LedgerRepository repository(TransferKeyCipher cipher) {
        return new LedgerRepository(ledger.jdbc(), ledger.transactionManager(), cipher, Clock.systemUTC(),
                JsonMapper.builder().build());
    }

    private static Claim claim(String reference) {
        return new Claim(reference, "Subject " + reference, List.of("a@example.com"), List.of(), "input.csv", 2, 1,
                "{\"reference\":\"" + reference + "\"}");
    }

    private static TransferInitializeResult result(String reference) {
        return new TransferInitializeResult("T-" + reference, "key-of-" + reference, "https://up.example", "eu",
                List.of(), "127.0.0.1", 0, 0, Map.of());
    }
}
