package com.filemailbatch.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the data directory ({@code filemail.data-dir}) and the reports directory ({@code filemail.reports-dir})
 * for the owner only (0700) as the application starts, before the log file or the database is opened in them:
 * whatever H2 and the logger create there is then out of other users' reach.
 */
final class PrivateDirectories implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        create(Storage.dataDir(environment), "filemail.data-dir (FILEMAIL_DATA_DIR)");
        create(Storage.reportsDir(environment), "filemail.reports-dir (FILEMAIL_REPORTS_DIR)");
    }

    /** Refused at start, before anything is sent, rather than a run that does its work and cannot record it. */
    private static void create(Path dir, String setting) {
        for (Path at = dir.toAbsolutePath().normalize(); at != null; at = at.getParent()) {
            if (Files.exists(at) && !Files.isDirectory(at)) {
                throw new IllegalStateException(setting + " " + dir + " cannot be created: " + at + " is a file, "
                        + "not a directory: move the file away, or set " + setting + " to a directory");
            }
        }
        try {
            OwnerOnly.directory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory " + dir + " for its owner only", e);
        }
    }
}
