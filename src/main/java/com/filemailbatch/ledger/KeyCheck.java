package com.filemailbatch.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Which master key encrypts the ledger's stored keys, recorded in the ledger itself: an HMAC of a known constant
 * under the key tells at start whether the key at hand is that one, without decrypting any row and without
 * revealing anything about the key.
 *
 * @param keyId      the key's id, as in every value it encrypted (see {@link TransferKeyCipher})
 * @param checkValue HMAC-SHA256 of {@link #CONSTANT} under the key, hex
 * @param source     {@link #FILE} or {@link #SECRET}: where the key came from
 * @param derivation for {@link #SECRET}, how the key is derived from it; null for {@link #FILE}
 */
record KeyCheck(String keyId, String checkValue, String source, KeyDerivation derivation) {

    static final String FILE = "file";
    static final String SECRET = "secret";
    private static final String CONSTANT = "filemail-batch master key check";

    /** A master key with the check that records it. */
    record Keyed(SecretKey key, KeyCheck check) {

        /** The key of {@code secret} under a new salt: every derivation from a secret the tool starts now. */
        static Keyed fromSecret(String secret) {
            KeyDerivation derivation = KeyDerivation.freshPbkdf2();
            SecretKey key = derivation.derive(secret);
            return new Keyed(key, KeyCheck.of(key, SECRET, derivation));
        }

        static Keyed fromFile(SecretKey key) {
            return new Keyed(key, KeyCheck.of(key, FILE, null));
        }
    }

    static KeyCheck of(SecretKey key, String source, KeyDerivation derivation) {
        return new KeyCheck(TransferKeyCipher.keyIdOf(key), checkValue(key), source, derivation);
    }

    boolean matches(SecretKey key) {
        return key != null && MessageDigest.isEqual(checkValue(key).getBytes(StandardCharsets.US_ASCII),
                checkValue.getBytes(StandardCharsets.US_ASCII));
    }

    boolean fromSecret() {
        return SECRET.equals(source);
    }

    private static String checkValue(SecretKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(CONSTANT.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
