package com.filemailbatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.filemailbatch.ledger.MasterKeySource.MasterKeyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeySourceTest {

    @TempDir
    Path dir;

    @Test
    void createsTheKeyFileOnFirstUseReadableByItsOwnerOnly() throws Exception {
        Path dataDir = dir.resolve("data");

        SecretKey first = MasterKeySource.fromKeyFile(dataDir);

        Path file = dataDir.resolve("master.key");
        assertThat(file).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.getEncoded()).hasSize(32);
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).isEqualTo(first.getEncoded());
    }

    @Test
    void returnsTheSameKeyOnTheNextLoad() {
        SecretKey first = MasterKeySource.fromKeyFile(dir);
        SecretKey second = MasterKeySource.fromKeyFile(dir);

        assertThat(second.getEncoded()).isEqualTo(first.getEncoded());
    }

    @Test
    void processesStartingTogetherAgreeOnOneKey() throws Exception {
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<byte[]>> keys = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                keys.add(pool.submit(() -> {
                    start.await();
                    return MasterKeySource.fromKeyFile(dir).getEncoded();
                }));
            }
            start.countDown();
            byte[] expected = keys.get(0).get();
            for (Future<byte[]> key : keys) {
                assertThat(key.get()).isEqualTo(expected);
            }
            assertThat(MasterKeySource.fromKeyFile(dir).getEncoded()).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        MasterKeySource.fromKeyFile(dir);
        Path file = dir.resolve("master.key");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> MasterKeySource.fromKeyFile(dir))
                .isInstanceOf(MasterKeyException.class)
                .hasMessage(file + " is readable by others (rw-r--r--); run: chmod 600 " + file);
    }

    @Test
    void refusesAKeyFileTheGroupCanRead() throws Exception {
        MasterKeySource.fromKeyFile(dir);
        Path file = dir.resolve("master.key");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(() -> MasterKeySource.fromKeyFile(dir))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageEndingWith("; run: chmod 600 " + file);
    }

    @Test
    void refusesASecretShorterThanSixteenCharacters() {
        assertThatThrownBy(() -> KeyDerivation.freshPbkdf2().derive("fifteen-chars!!"))
                .isInstanceOf(MasterKeyException.class)
                .hasMessage("FILEMAIL_BATCH_SECRET is 15 characters; at least 16 are required");
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void aSecretGivesAStableKeyAndNoKeyFile() {
        KeyDerivation derivation = KeyDerivation.freshPbkdf2();
        SecretKey first = derivation.derive("sixteen-chars!!!");
        SecretKey second = derivation.derive("sixteen-chars!!!");
        SecretKey other = derivation.derive("another-secret-16");

        assertThat(first.getEncoded()).hasSize(32).isEqualTo(second.getEncoded());
        assertThat(other.getEncoded()).isNotEqualTo(first.getEncoded());
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void aSecretIsStretchedWithPbkdf2AndTheLedgersSaltNotABareDigest() {
        KeyDerivation derivation = KeyDerivation.freshPbkdf2();
        SecretKey key = derivation.derive("sixteen-chars!!!");

        assertThat(derivation.name()).isEqualTo("pbkdf2-hmac-sha256");
        assertThat(derivation.iterations()).isEqualTo(600_000);
        assertThat(key.getEncoded()).isNotEqualTo(MasterKeySource.sha256("sixteen-chars!!!".getBytes(
                StandardCharsets.UTF_8)));
        assertThat(KeyDerivation.freshPbkdf2().derive("sixteen-chars!!!").getEncoded())
                .as("another ledger, another salt").isNotEqualTo(key.getEncoded());
        assertThat(KeyDerivation.LEGACY.derive("sixteen-chars!!!").getEncoded()).as("the earlier derivation, read")
                .isEqualTo(MasterKeySource.sha256("sixteen-chars!!!".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aKeyFileThatIsNotBase64IsNamedWithItsProblem() throws Exception {
        Path file = ownerOnlyFile("this is not a key\n");

        assertThatThrownBy(() -> MasterKeySource.fromKeyFile(dir))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith("cannot read the master key file " + file + ": ");
    }

    @Test
    void aKeyFileOfTheWrongLengthAsksForTheBackup() throws Exception {
        Path file = ownerOnlyFile(Base64.getEncoder().encodeToString(new byte[16]) + "\n");

        assertThatThrownBy(() -> MasterKeySource.fromKeyFile(dir))
                .isInstanceOf(MasterKeyException.class)
                .hasMessage(file + " does not hold a 256-bit key; restore it from a backup");
    }

    private Path ownerOnlyFile(String content) throws Exception {
        Path file = Files.createFile(dir.resolve("master.key"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        return file;
    }
}
