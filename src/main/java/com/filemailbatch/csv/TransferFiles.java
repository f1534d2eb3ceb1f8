package com.filemailbatch.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The path rules of the {@code files} column, checked before anything is sent: every path is relative to the base
 * directory and stays inside it (no {@code ..} out of it, no absolute path, no symbolic link whose target is
 * outside: the real path decides), names a readable regular file, and no two files of a row share a file name
 * (Filemail tells a transfer's files apart by {@code thefilename}).
 */
public final class TransferFiles {

    private final Path baseDir;

    /** @param baseDir the directory the paths are relative to */
    public TransferFiles(Path baseDir) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
    }

    /**
     * The outcome of checking one row's files.
     *
     * @param files    the files, in the row's order; empty when there is a problem
     * @param realBase the base directory's real path (null when there is a problem)
     * @param problem  null, or why the row is rejected (names the offending path)
     */
    public record Checked(List<CheckedFile> files, Path realBase, String problem) {

        public Checked {
            files = List.copyOf(files);
        }

        /** The files' absolute paths (as named, links not followed), in the row's order. */
        public List<Path> paths() {
            return files.stream().map(CheckedFile::path).toList();
        }

        /** The sum of the files' sizes (initialize's {@code transfersize}). */
        public long totalSize() {
            return files.stream().mapToLong(CheckedFile::size).sum();
        }
    }

    /**
     * One file that passed the rules, as found: what the upload later opens and compares.
     *
     * @param path     the absolute path as the row names it
     * @param realPath the file itself, every link resolved (inside the base directory)
     * @param fileKey  the file's identity (device and inode), or null where the file system has none
     * @param size     its size in bytes
     * @param modified its last modification, in milliseconds since the epoch
     */
    public record CheckedFile(Path path, Path realPath, String fileKey, long size, long modified) {
    }

    public Checked check(List<String> files) {
        Path realBase;
        try {
            realBase = baseDir.toRealPath();
        } catch (IOException e) {
            return problem("the base directory " + baseDir + " (filemail.files.base-dir) does not exist");
        }
        List<CheckedFile> checked = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String file : files) {
            Path relative;
            try {
                relative = Path.of(file);
            } catch (InvalidPathException e) {
                return problem("file path '" + file + "' is not a valid path");
            }
            if (relative.isAbsolute() || file.startsWith("/") || file.startsWith("\\")) {
                return problem("file path '" + file + "' is absolute; paths must be relative to the base directory "
                        + baseDir);
            }
            Path resolved = baseDir.resolve(relative).normalize();
            if (!resolved.startsWith(baseDir)) {
                return problem("file path '" + file + "' leads out of the base directory " + baseDir);
            }
            if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
                return problem("file '" + file + "' does not exist in " + baseDir);
            }
            Path real;
            try {
                real = resolved.toRealPath();
            } catch (IOException e) {
                return problem("file '" + file + "' is a broken symbolic link");
            }
            if (!real.startsWith(realBase)) {
                return problem("file '" + file + "' is a symbolic link to " + real + ", outside the base directory "
                        + baseDir);
            }
            if (Files.isDirectory(real)) {
                return problem("'" + file + "' is a directory, not a file");
            }
            if (!Files.isRegularFile(real)) {
                return problem("'" + file + "' is not a regular file");
            }
            if (!Files.isReadable(real)) {
                return problem("file '" + file + "' is not readable");
            }
            if (resolved.toString().contains(";")) {
                // The ledger keeps a row's paths ';'-separated, as the column does.
                return problem("the path of file '" + file + "' contains ';' (" + resolved + ")");
            }
            // The name as the row gives it, not a link target's: it is what the recipients see.
            String name = resolved.getFileName().toString();
            if (!names.add(name)) {
                return problem("two files are named '" + name + "'; Filemail tells a transfer's files apart by name");
            }
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return problem("file '" + file + "' cannot be read: " + e.getMessage());
            }
            Object key = attributes.fileKey();
            checked.add(new CheckedFile(resolved, real, key == null ? null : key.toString(), attributes.size(),
                    attributes.lastModifiedTime().toMillis()));
        }
        return new Checked(checked, realBase, null);
    }

    private static Checked problem(String reason) {
        return new Checked(List.of(), null, reason);
    }
}
