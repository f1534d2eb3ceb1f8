package com.filemailbatch.upload;

import com.filemailbatch.liveness.ThisProcess;
import com.filemailbatch.ledger.ValidatedFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Set;

/**
 * Opens a file for upload only when it is still the file its row was validated with. The path rules ran when the
 * row was read; whoever can write into the base directory could since have put a symbolic link, or another file,
 * in its place. So the file is reached from the base directory one name at a time, following no link (where the
 * platform allows, each step is opened relative to the directory opened before it, so nothing swapped in between
 * the steps is followed either), and the file opened must have the identity (device and inode) and size it had when
 * validated. Otherwise {@link FileNotAsValidatedException} says why, and nothing of it is read.
 */
final class ValidatedFileOpener {

    private ValidatedFileOpener() {
    }

    static FileChannel open(String baseDir, ValidatedFiles.File file) throws IOException {
        Path base = Path.of(baseDir);
        Path real = Path.of(file.realPath());
        if (!real.isAbsolute() || !real.startsWith(base) || real.equals(base)
                || !real.normalize().equals(real)) {
            throw new FileNotAsValidatedException(file.path() + " was validated as " + real
                    + ", which is not inside the base directory " + base);
        }
        Path relative = base.relativize(real);
        try (DirectoryStream<Path> top = Files.newDirectoryStream(base)) {
            if (top instanceof SecureDirectoryStream<Path> secure) {
                FileChannel channel = openBelow(secure, relative, file);
                if (channel != null) {
                    return channel;
                }
            }
        } catch (NoSuchFileException gone) {
            throw new FileNotAsValidatedException("the base directory " + base + " of " + file.path()
                    + " no longer exists");
        }
        return openByPath(base, relative, file);
    }

    /** Directory by directory from the open base, each opened without following a link. */
    private static FileChannel openBelow(SecureDirectoryStream<Path> base, Path relative, ValidatedFiles.File file)
            throws IOException {
        Deque<SecureDirectoryStream<Path>> opened = new ArrayDeque<>();
        try {
            SecureDirectoryStream<Path> directory = base;
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                Path name = relative.getName(i);
                checkAttributes(directory.getFileAttributeView(name, BasicFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS), file, name, true);
                try {
                    directory = directory.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
                } catch (FileSystemException swapped) {
                    throw new FileNotAsValidatedException(notAsValidated(file) + ": the directory '" + name
                            + "' on its way is no longer a directory (" + swapped.getReason() + ")");
                }
                opened.push(directory);
            }
            Path name = relative.getFileName();
            BasicFileAttributeView view = directory.getFileAttributeView(name, BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            checkIdentity(checkAttributes(view, file, name, false), file);
            SeekableByteChannel channel;
            try {
                channel = directory.newByteChannel(name, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
            } catch (FileSystemException swapped) {
                throw new FileNotAsValidatedException(notAsValidated(file) + ": it cannot be opened without "
                        + "following a link (" + swapped.getReason() + ")");
            }
            if (!(channel instanceof FileChannel fileChannel)) {
                channel.close();
                return null;
            }
            return verified(fileChannel, view.readAttributes(), file);
        } finally {
            while (!opened.isEmpty()) {
                opened.pop().close();
            }
        }
    }

    /** Where directories cannot be opened relative to each other: every step checked, the file opened last. */
    private static FileChannel openByPath(Path base, Path relative, ValidatedFiles.File file) throws IOException {
        Path current = base;
        for (int i = 0; i < relative.getNameCount(); i++) {
            current = current.resolve(relative.getName(i));
            BasicFileAttributes attributes = attributes(current, file, relative.getName(i));
            boolean last = i == relative.getNameCount() - 1;
            check(attributes, file, relative.getName(i), !last);
            if (last) {
                checkIdentity(attributes, file);
            }
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(current, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        } catch (FileSystemException swapped) {
            throw new FileNotAsValidatedException(notAsValidated(file) + ": it cannot be opened without following "
                    + "a link (" + swapped.getReason() + ")");
        }
        return verified(channel, attributes(current, file, relative.getFileName()), file);
    }

    /** Checked again once open: the size is the open file's own, and the name is looked at again after the open. */
    private static FileChannel verified(FileChannel channel, BasicFileAttributes after, ValidatedFiles.File file)
            throws IOException {
        try {
            checkIdentity(after, file);
            long size = channel.size();
            if (size != file.size()) {
                throw changedSize(file, size);
            }
            return channel;
        } catch (RuntimeException | IOException notIt) {
            channel.close();
            throw notIt;
        }
    }

    private static BasicFileAttributes checkAttributes(BasicFileAttributeView view, ValidatedFiles.File file,
            Path name, boolean directory) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = view.readAttributes();
        } catch (NoSuchFileException gone) {
            throw new FileNotAsValidatedException(notAsValidated(file) + ": '" + name + "' no longer exists");
        }
        check(attributes, file, name, directory);
        return attributes;
    }

    private static BasicFileAttributes attributes(Path path, ValidatedFiles.File file, Path name) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            throw new FileNotAsValidatedException(notAsValidated(file) + ": '" + name + "' no longer exists");
        }
    }

    private static void check(BasicFileAttributes attributes, ValidatedFiles.File file, Path name,
            boolean directory) {
        if (attributes.isSymbolicLink()) {
            throw new FileNotAsValidatedException(notAsValidated(file) + ": '" + name
                    + "' is now a symbolic link; links are not followed when uploading");
        }
        if (directory && !attributes.isDirectory()) {
            throw new FileNotAsValidatedException(notAsValidated(file) + ": '" + name + "' is no longer a directory");
        }
        if (!directory && !attributes.isRegularFile()) {
            throw new FileNotAsValidatedException(notAsValidated(file) + ": it is no longer a regular file");
        }
    }

    private static void checkIdentity(BasicFileAttributes attributes, ValidatedFiles.File file) {
        Object key = attributes.fileKey();
        boolean validatedHere = file.host() == null || file.host().equals(ThisProcess.host());
        if (validatedHere && file.fileKey() != null && (key == null
                || !Objects.equals(file.fileKey(), key.toString()))) {
            throw new FileNotAsValidatedException(notAsValidated(file) + ": another file is in its place (it was "
                    + "replaced since its row was validated)");
        }
        // On another machine (a worker on shared storage) the device number differs: the modification time tells.
        if (!validatedHere && file.modified() != null
                && attributes.lastModifiedTime().toMillis() != file.modified()) {
            throw new FileNotAsValidatedException(notAsValidated(file) + ": it was modified or replaced since its "
                    + "row was validated on " + file.host());
        }
        if (attributes.size() != file.size()) {
            throw changedSize(file, attributes.size());
        }
    }

    private static FileNotAsValidatedException changedSize(ValidatedFiles.File file, long now) {
        return new FileNotAsValidatedException(notAsValidated(file) + ": its size changed since its row was "
                + "validated (" + file.size() + " bytes then, " + now + " now)");
    }

    private static String notAsValidated(ValidatedFiles.File file) {
        return "file " + file.path() + " is not uploaded";
    }

    /** The file on disk is not the file its row was validated with; nothing of it was read. */
    static final class FileNotAsValidatedException extends RuntimeException {
        FileNotAsValidatedException(String message) {
            super(message);
        }
    }
}
