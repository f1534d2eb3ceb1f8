package com.filemailbatch.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Once the application has started (the log file and the H2 database are open by then), makes the log file and the
 * files directly in the data directory the owner's only (0600): a release before this one created them readable by everyone.
 * Files made later are protected by the directory itself (0700, see {@link PrivateDirectories}).
 */
final class PrivateFiles implements ApplicationListener<ApplicationStartedEvent> {

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        Path dataDir = Storage.dataDir(environment);
        try {
            String log = environment.getProperty("logging.file.name");
            if (log != null && !log.isBlank()) {
                OwnerOnly.file(Path.of(log));
            }
            if (!Files.isDirectory(dataDir)) {
                return;
            }
            try (Stream<Path> files = Files.list(dataDir)) {
                for (Path file : files.toList()) {
                    OwnerOnly.file(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the files in " + dataDir + " its owner's only", e);
        }
    }
}
