package com.filemailbatch.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key's material: {@code FILEMAIL_BATCH_SECRET} when set (checked here, derived by
 * {@link KeyDerivation}), otherwise a random key kept in {@code <data-dir>/master.key}, created on first use readable
 * by its owner only. Which of them the ledger's keys are encrypted under is {@link LedgerKeys}'s question.
 */
public final class MasterKeySource {

    static final String KEY_FILE_NAME = "master.key";
    /** Where {@code rotate-key} writes the new key until its transaction committed; then it replaces the old. */
    static final String NEW_KEY_FILE_NAME = "master.key.new";
    /** A shorter secret is too easy to guess to protect the keys of live transfers. */
    static final int MIN_SECRET_LENGTH = 16;

    private MasterKeySource() {
    }

    /**
     * The key of {@code <dataDir>/master.key}, created when there is none. Only for a ledger that holds no key
     * encrypted under another: {@link LedgerKeys} decides that first.
     *
     * @throws MasterKeyException with a message for the operator when the file is unusable
     */
    public static SecretKey fromKeyFile(Path dataDir) {
        return readOrCreate(dataDir.resolve(KEY_FILE_NAME));
    }

    /** The key of an existing key file; empty when there is no such file. */
    static Optional<SecretKey> existing(Path file) {
        return Files.exists(file) ? Optional.of(readOrCreate(file)) : Optional.empty();
    }

    /** @throws MasterKeyException when the secret is too short to protect anything */
    static void checkSecret(String secret) {
        checkSecret("FILEMAIL_BATCH_SECRET", secret);
    }

    /** @param name the variable that holds it, for the message */
    static void checkSecret(String name, String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new MasterKeyException(name + " is " + secret.length()
                    + " characters; at least " + MIN_SECRET_LENGTH + " are required");
        }
    }

    /** A new random 256-bit key. */
    static SecretKey random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }

    /** Writes {@code key} to {@code file} (owner-only), replacing it in one step: never half written. */
    static void write(Path file, SecretKey key) {
        try {
            Path temp = temporary(file.toAbsolutePath().getParent());
            try {
                Files.writeString(temp, Base64.getEncoder().encodeToString(key.getEncoded()) + "\n",
                        StandardCharsets.US_ASCII);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new MasterKeyException("cannot write the master key file " + file + ": " + e.getMessage());
        }
    }

    /** Puts the new key file in the place of the old one, in one step (a rename). */
    static void install(Path newFile, Path file) {
        try {
            Files.move(newFile, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MasterKeyException("cannot move " + newFile + " to " + file + " (" + e.getMessage()
                    + "): move it by hand; the ledger is encrypted under it");
        }
    }

    private static SecretKey readOrCreate(Path file) {
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
        Path temp = temporary(file.toAbsolutePath().getParent());
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(random().getEncoded()) + "\n",
                    StandardCharsets.US_ASCII);
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first: use theirs.
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** An owner-only temporary file in {@code dir}, which is created when missing. */
    private static Path temporary(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            return Files.createTempFile(dir, KEY_FILE_NAME, ".tmp", ownerOnlyAttribute());
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, KEY_FILE_NAME, ".tmp");
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
