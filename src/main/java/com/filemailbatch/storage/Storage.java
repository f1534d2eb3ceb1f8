package com.filemailbatch.storage;

import java.nio.file.Path;
import org.springframework.core.env.Environment;

/** Where the tool keeps its data and its reports, read from the environment before the settings are bound. */
final class Storage {

    private Storage() {
    }

    static Path dataDir(Environment environment) {
        return Path.of(environment.getProperty("filemail.data-dir", "./data"));
    }

    static Path reportsDir(Environment environment) {
        return Path.of(environment.getProperty("filemail.reports-dir", "./reports"));
    }
}
