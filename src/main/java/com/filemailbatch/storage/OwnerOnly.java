package com.filemailbatch.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories and files for the tool's owner only: directories {@code rwx------} (0700), files {@code rw-------}
 * (0600). What the tool keeps (the database, the log, reports and receipts) names recipients and holds download
 * links. On a file system without POSIX permissions nothing is changed.
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /**
     * Creates {@code dir} (and any missing parent) 0700; an existing one that its owner runs the tool from is made
     * 0700 as well, so what is created in it later is private however the umask is set.
     */
    public static void directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectories(dir);
                return;
            }
        }
        restrict(dir, DIRECTORY);
    }

    /** A new (or emptied) file open for writing, 0600 from the moment it exists. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        OutputStream out;
        try {
            out = Channels.newOutputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), ownerOnlyFile()));
        } catch (UnsupportedOperationException notPosix) {
            return Files.newOutputStream(file);
        }
        // A file left over from an earlier attempt kept the permissions it was created with.
        restrict(file, FILE);
        return out;
    }

    /** Makes an existing regular file (not a link) 0600; anything else is left alone. */
    public static void file(Path file) throws IOException {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            restrict(file, FILE);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnlyFile() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (UnsupportedOperationException notPosix) {
            // No POSIX permissions on this file system: nothing to set.
        }
    }
}
