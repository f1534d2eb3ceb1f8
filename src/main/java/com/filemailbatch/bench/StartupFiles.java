package com.filemailbatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where the start-up figure finds what it starts when not told: this jar, and the distribution built beside it. */
public final class StartupFiles {

    private StartupFiles() {
    }

    /** The packaged jar this process was started from with {@code java -jar}, or null (classes, extracted layout). */
    public static Path thisJar() {
        String classPath = System.getProperty("java.class.path", "");
        return ChildJvm.fromBootJar() && classPath.endsWith(".jar") ? Path.of(classPath) : null;
    }

    /** The newest {@code filemail-batch-*.tar.gz} in the jar's directory, or null. */
    public static Path besideJar(Path jar) throws IOException {
        if (jar == null) {
            return null;
        }
        Path directory = jar.toAbsolutePath().getParent();
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("filemail-batch-.+\\.tar\\.gz"))
                    .max(Comparator.comparing(file -> file.toFile().lastModified())).orElse(null);
        }
    }
}
