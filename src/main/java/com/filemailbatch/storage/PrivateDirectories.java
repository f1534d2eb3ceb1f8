package com.filemailbatch.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        for (Path dir : Storage.directories(environment)) {
            try {
                OwnerOnly.directory(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the directory " + dir + " for its owner only", e);
            }
        }
    }
}
