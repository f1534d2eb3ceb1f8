package com.filemailbatch.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Finds the master key that encrypts transfer keys at rest: {@code FILEMAIL_BATCH_SECRET} when set, otherwise a
 * random key kept in {@code <data-dir>/master.key}, created on first use readable by its owner only.
 */
public final class MasterKeySource {

    static final String KEY_FILE_NAME = "master.key";
    /** A shorter secret is too easy to guess to protect the keys of live transfers. */
    static final int MIN_SECRET_LENGTH = 16;

    private MasterKeySource() {
    }

    /**
     * @param secret  the value of {@code FILEMAIL_BATCH_SECRET}, or null/blank to use the key file
     * @param dataDir where the key file lives
     * @throws MasterKeyException with a message for the operator when no usable key can be had
     */
    public static SecretKey load(String secret, Path dataDir) {
        if (secret != null && !secret.isBlank()) {
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new MasterKeyException("FILEMAIL_BATCH_SECRET is " + secret.length()
                        + " characters; at least " + MIN_SECRET_LENGTH + " are required");
            }
            return new SecretKeySpec(sha256(secret.getBytes(StandardCharsets.UTF_8)), "AES");
        }
        return fromKeyFile(dataDir.resolve(KEY_FILE_NAME));
    }

    private static SecretKey fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            checkOwnerOnly(file);
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length != 32) {
                throw new MasterKeyException(file + " does not hold a 256-bit key; restore it from a backup");
            }
            return new SecretKeySpec(key, "AES");
        } catch (IOException | IllegalArgumentException e) {
            throw new MasterKeyException("cannot read the master key file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Writes a new key beside the target and links it into place: a link fails if the file exists, so when two
     * processes start at once exactly one key wins, and nobody ever reads a half-written file.
     */
    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path temp;
        try {
            temp = Files.createTempFile(dir, KEY_FILE_NAME, ".new", ownerOnlyAttribute());
        } catch (UnsupportedOperationException notPosix) {
            temp = Files.createTempFile(dir, KEY_FILE_NAME, ".new");
        }
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first: use theirs.
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void checkOwnerOnly(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).containsAll(permissions)) {
                throw new MasterKeyException(file + " is readable by others (" + PosixFilePermissions.toString(
                        permissions) + "); run: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException notPosix) {
            // No POSIX permissions on this file system: nothing to check.
        }
    }

    private static java.nio.file.attribute.FileAttribute<Set<PosixFilePermission>> ownerOnlyAttribute() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** No usable master key: a configuration error the operator must fix. */
    public static final class MasterKeyException extends RuntimeException {
        MasterKeyException(String message) {
            super(message);
        }
    }
}
