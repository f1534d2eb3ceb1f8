package com.filemailbatch.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inbox directory: its {@code *.csv} files are sent one run each, in name order, then moved to {@code archive/}
 * (the run completed) or {@code error/} (the file itself is wrong), both beside the inbox. A file whose run stopped
 * or failed resumably stays where it is, so that the next launch resumes the same run.
 *
 * <p>A move never loses or overwrites a file: the target name is claimed by a hard link (which fails if the name
 * exists) before the inbox entry is removed; a name already taken gets a {@code -1}, {@code -2}, … suffix.
 */
public final class Inbox {

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    private final Path directory;

    public Inbox(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /**
     * The files waiting, in name order. An entry that is a symbolic link is skipped (and logged), whatever it points
     * to: whoever can write into the inbox must not get the tool to read, and echo, a file outside it.
     */
    public List<Path> pending() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(Inbox::notALink)
                    .filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + directory, e);
        }
    }

    private static boolean notALink(Path file) {
        if (Files.isSymbolicLink(file)) {
            LOG.warn("inbox entry {} is a symbolic link: skipped (inbox files must be regular files)", file);
            return false;
        }
        return true;
    }

    /** Moves a file whose run completed to {@code archive/}. @return where it now is */
    public Path archive(Path file) throws IOException {
        return moveTo(file, "archive");
    }

    /** Moves a file that no run can send as it is to {@code error/}. @return where it now is */
    public Path reject(Path file) throws IOException {
        return moveTo(file, "error");
    }

    private Path moveTo(Path file, String folder) throws IOException {
        Path target = directory.toAbsolutePath().resolveSibling(folder);
        Files.createDirectories(target);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 0; ; n++) {
            Path candidate = target.resolve(n == 0 ? name : stem + "-" + n + extension);
            if (claim(file, candidate)) {
                return candidate;
            }
        }
    }

    /** @return false when the name is taken; the file is then untouched */
    private static boolean claim(Path file, Path candidate) throws IOException {
        try {
            Files.createLink(candidate, file);
        } catch (FileAlreadyExistsException taken) {
            return false;
        } catch (UnsupportedOperationException | IOException noLinks) {
            if (Files.exists(candidate)) {
                return false;
            }
            // No hard links here (another file system, say): a rename, atomic where the file system allows it.
            Files.move(file, candidate, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
        // Linked: the file is now in both places, so removing the inbox entry cannot lose it.
        Files.delete(file);
        return true;
    }
}
