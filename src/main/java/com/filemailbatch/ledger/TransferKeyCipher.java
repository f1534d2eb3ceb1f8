package com.filemailbatch.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM encryption of transfer keys. The stored form is {@code v1.<key id>.<base64(nonce | ciphertext+tag)>};
 * the key id (from the master key's digest) lets a wrong master key be named instead of failing obscurely, and the
 * row's reference is the additional authenticated data, so a ciphertext copied onto another row does not decrypt.
 */
public final class TransferKeyCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey masterKey;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();
    /**
     * A Cipher per thread, initialized anew (fresh nonce) for every value: {@code Cipher.getInstance} looks the
     * provider up each time, half the cost of encrypting a short value, and a Cipher is not thread-safe.
     */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(TransferKeyCipher::newCipher);

    public TransferKeyCipher(SecretKey masterKey) {
        this.masterKey = masterKey;
        this.keyId = keyIdOf(masterKey);
    }

    /** A master key's id: the start of its SHA-256, which names the key without revealing it. */
    static String keyIdOf(SecretKey key) {
        return HexFormat.of().formatHex(MasterKeySource.sha256(key.getEncoded()), 0, 4);
    }

    /** The id of the master key a stored value was encrypted under; null when it is not in a known format. */
    static String keyIdOfStored(String stored) {
        String[] parts = stored.split("\\.", 3);
        return parts.length == 3 && parts[0].equals("v1") ? parts[1] : null;
    }

    public String encrypt(String reference, String transferKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(reference.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(transferKey.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return "v1." + keyId + "." + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public String decrypt(String reference, String stored) {
        String[] parts = stored.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalArgumentException("the stored transfer key of '" + reference + "' is not in a known format");
        }
        if (!parts[1].equals(keyId)) {
            throw new IllegalStateException("the transfer key of '" + reference + "' was encrypted under master key "
                    + parts[1] + ", but the current master key is " + keyId
                    + " (check FILEMAIL_BATCH_SECRET or the master.key file)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new AEADBadTagException("shorter than a nonce and a tag");
            }
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(reference.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // IllegalArgumentException: not Base64, so altered as surely as a bad tag.
            throw new IllegalStateException("the stored transfer key of '" + reference
                    + "' fails its integrity check: it was altered or belongs to another row", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public String keyId() {
        return keyId;
    }
}
