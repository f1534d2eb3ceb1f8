package com.filemailbatch.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the master key is derived from {@code FILEMAIL_BATCH_SECRET}, as recorded with the ledger's key check: the
 * derivation is versioned so that a ledger encrypted before PBKDF2 keeps working until {@code rotate-key} moves it.
 *
 * @param name       {@link #PBKDF2} or {@link #LEGACY_SHA256}
 * @param salt       PBKDF2's salt (random per ledger, stored beside the check); null for the legacy derivation
 * @param iterations PBKDF2's iteration count; 0 for the legacy derivation
 */
record KeyDerivation(String name, byte[] salt, int iterations) {

    static final String PBKDF2 = "pbkdf2-hmac-sha256";
    /** The derivation of earlier versions, a bare SHA-256 of the secret: read, never chosen for a new ledger. */
    static final String LEGACY_SHA256 = "sha256";
    /** OWASP's recommendation for PBKDF2-HMAC-SHA256: the secret is chosen by a person and may be guessable. */
    static final int PBKDF2_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;

    static final KeyDerivation LEGACY = new KeyDerivation(LEGACY_SHA256, null, 0);

    /** PBKDF2 with a new random salt: for a new ledger, and for every rotation. */
    static KeyDerivation freshPbkdf2() {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new KeyDerivation(PBKDF2, salt, PBKDF2_ITERATIONS);
    }

    /** As stored in the key check table. */
    static KeyDerivation stored(String name, String salt, int iterations) {
        if (LEGACY_SHA256.equals(name)) {
            return LEGACY;
        }
        if (!PBKDF2.equals(name)) {
            throw new MasterKeySource.MasterKeyException("the ledger's master key was derived with '" + name
                    + "', which this version does not know: use the version that encrypted it");
        }
        return new KeyDerivation(name, Base64.getDecoder().decode(salt), iterations);
    }

    String saltText() {
        return salt == null ? null : Base64.getEncoder().encodeToString(salt);
    }

    boolean isLegacy() {
        return LEGACY_SHA256.equals(name);
    }

    SecretKey derive(String secret) {
        MasterKeySource.checkSecret(secret);
        if (isLegacy()) {
            return new SecretKeySpec(MasterKeySource.sha256(secret.getBytes(StandardCharsets.UTF_8)), "AES");
        }
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
