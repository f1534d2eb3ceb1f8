package com.filemailbatch.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a command-line test a data directory, reports directory and H2 database of its own, through system
 * properties (the commands start Spring themselves), and puts the previous values back afterwards.
 */
final class OwnDataDirectory {

    private static final String[] PROPERTIES = {"filemail.data-dir", "filemail.reports-dir",
            "spring.datasource.url"};

    private final Map<String, String> saved = new HashMap<>();

    /** @param databaseOptions appended to the H2 URL, e.g. {@code ";WRITE_DELAY=0"}, or empty */
    void use(Path dir, String databaseOptions) {
        for (String name : PROPERTIES) {
            saved.put(name, System.getProperty(name));
        }
        System.setProperty("filemail.data-dir", dir.resolve("data").toString());
        System.setProperty("filemail.reports-dir", dir.resolve("reports").toString());
        System.setProperty("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("data").resolve("db")
                + databaseOptions);
    }

    void restore() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
