package com.filemailbatch.database;

import java.util.Locale;

/**
 * The settings an embedded H2 file database needs for this tool, added to its URL when it lacks them:
 * {@code DB_CLOSE_ON_EXIT=FALSE}, since on SIGTERM the command line closes the database itself once the running job
 * has stopped (with H2's own shutdown hook the database is closed under the stopping run, which then cannot record
 * its end and stays STARTED); and {@code WRITE_DELAY=0}, since a commit H2 has not written yet is lost when the
 * process is killed. A URL that sets {@code DB_CLOSE_ON_EXIT} to anything else is refused. URLs of other databases,
 * in-memory H2 and H2 servers ({@code tcp:}, {@code ssl:}) are left as they are.
 */
final class H2FileUrl {

    private H2FileUrl() {
    }

    /**
     * @return {@code url} with the settings it lacks appended; {@code url} itself when it needs none
     * @throws IllegalArgumentException when the URL sets {@code DB_CLOSE_ON_EXIT} to anything but {@code FALSE}
     */
    static String withRequiredSettings(String url) {
        if (!DatabaseCompaction.isH2File(url)) {
            return url;
        }
        String closeOnExit = setting(url, "DB_CLOSE_ON_EXIT");
        String result = url;
        if (closeOnExit == null) {
            result += ";DB_CLOSE_ON_EXIT=FALSE";
        } else if (!closeOnExit.equalsIgnoreCase("FALSE")) {
            throw new IllegalArgumentException("spring.datasource.url sets DB_CLOSE_ON_EXIT=" + closeOnExit
                    + ": on SIGTERM H2 would close the database under the stopping run, which could then not record"
                    + " its end. Remove the setting (the tool adds DB_CLOSE_ON_EXIT=FALSE) or set it to FALSE.");
        }
        if (setting(url, "WRITE_DELAY") == null) {
            result += ";WRITE_DELAY=0";
        }
        return result;
    }

    /** The value of {@code ;NAME=value} in the URL (names case-insensitive), or null when it is not set. */
    private static String setting(String url, String name) {
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0 && parts[i].substring(0, equals).strip().toUpperCase(Locale.ROOT).equals(name)) {
                return parts[i].substring(equals + 1).strip();
            }
        }
        return null;
    }
}
