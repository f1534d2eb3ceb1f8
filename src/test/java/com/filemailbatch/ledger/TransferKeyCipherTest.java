package com.filemailbatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TransferKeyCipherTest {

    private static final String KEY = "tk_9f8e7d6c5b4a3210";

    private final TransferKeyCipher cipher = new TransferKeyCipher(masterKey((byte) 1));

    @Test
    void decryptsWhatItEncrypted() {
        String stored = cipher.encrypt("INV-1", KEY);

        assertThat(stored).startsWith("v1." + cipher.keyId() + ".");
        assertThat(cipher.keyId()).matches("[0-9a-f]{8}");
        assertThat(cipher.decrypt("INV-1", stored)).isEqualTo(KEY);
    }

    @Test
    void twoEncryptionsOfTheSameKeyDifferBecauseTheNonceIsRandom() {
        String first = cipher.encrypt("INV-1", KEY);
        String second = cipher.encrypt("INV-1", KEY);

        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.decrypt("INV-1", first)).isEqualTo(cipher.decrypt("INV-1", second)).isEqualTo(KEY);
    }

    @Test
    void theStoredFormNeverContainsThePlainKey() {
        String stored = cipher.encrypt("INV-1", KEY);

        assertThat(stored).doesNotContain(KEY);
        byte[] sealed = Base64.getDecoder().decode(stored.substring(stored.lastIndexOf('.') + 1));
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(KEY);
    }

    @Test
    void aCiphertextCopiedOntoAnotherRowFailsItsIntegrityCheck() {
        String stored = cipher.encrypt("INV-1", KEY);

        assertThatThrownBy(() -> cipher.decrypt("INV-2", stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the stored transfer key of 'INV-2' fails its integrity check: it was altered or belongs "
                        + "to another row");
    }

    @Test
    void aTamperedCiphertextFailsItsIntegrityCheck() {
        String stored = cipher.encrypt("INV-1", KEY);
        int dot = stored.lastIndexOf('.');
        byte[] sealed = Base64.getDecoder().decode(stored.substring(dot + 1));
        sealed[sealed.length - 1] ^= 0x01;
        String tampered = stored.substring(0, dot + 1) + Base64.getEncoder().encodeToString(sealed);

        assertThatThrownBy(() -> cipher.decrypt("INV-1", tampered))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fails its integrity check");
    }

    @Test
    void aDifferentMasterKeyIsNamedInsteadOfFailingObscurely() {
        TransferKeyCipher other = new TransferKeyCipher(masterKey((byte) 2));
        String stored = cipher.encrypt("INV-1", KEY);

        assertThat(other.keyId()).isNotEqualTo(cipher.keyId());
        assertThatThrownBy(() -> other.decrypt("INV-1", stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the transfer key of 'INV-1' was encrypted under master key " + cipher.keyId()
                        + ", but the current master key is " + other.keyId()
                        + " (check FILEMAIL_BATCH_SECRET or the master.key file)");
    }

    @Test
    void aTruncatedOrGarbledCiphertextFailsItsIntegrityCheck() {
        String stored = cipher.encrypt("INV-1", KEY);
        String prefix = "v1." + cipher.keyId() + ".";

        assertThatThrownBy(() -> cipher.decrypt("INV-1", prefix + "AAAA"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fails its integrity check");
        assertThatThrownBy(() -> cipher.decrypt("INV-1", prefix + "not base64!"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fails its integrity check");
        assertThatThrownBy(() -> cipher.decrypt("INV-1", stored.substring(0, stored.length() - 8)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fails its integrity check");
    }

    @Test
    void anUnknownFormatIsNamed() {
        assertThatThrownBy(() -> cipher.decrypt("INV-1", KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the stored transfer key of 'INV-1' is not in a known format");
    }

    private static SecretKey masterKey(byte fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, fill);
        return new SecretKeySpec(key, "AES");
    }
}
