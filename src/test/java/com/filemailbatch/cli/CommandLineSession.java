package com.filemailbatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The command line as a test drives it: commands executed in this JVM with their standard output and error
 * captured, on a data directory, reports directory and H2 database of the test's own (system properties, since the
 * commands start Spring themselves), the previous values put back after each test. Register it with
 * {@code @RegisterExtension} and call {@link #use} from a {@code @BeforeEach} with the test's temporary directory.
 */
final class CommandLineSession implements AfterEachCallback {

    private static final String[] PROPERTIES = {"filemail.data-dir", "filemail.reports-dir",
            "spring.datasource.url"};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> saved = new HashMap<>();

    /**
     * Data in {@code dir/data}, reports in {@code dir/reports}.
     *
     * @param databaseOptions appended to the H2 URL, e.g. {@code ";WRITE_DELAY=0"}, or empty
     */
    void use(Path dir, String databaseOptions) {
        for (String name : PROPERTIES) {
            saved.put(name, System.getProperty(name));
        }
        System.setProperty("filemail.data-dir", dir.resolve("data").toString());
        System.setProperty("filemail.reports-dir", dir.resolve("reports").toString());
        System.setProperty("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("data").resolve("db")
                + databaseOptions);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        restore();
    }

    /** Puts back the properties {@link #use} replaced (for a session used outside a test's lifecycle). */
    void restore() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        saved.clear();
    }

    /** Runs the command line with these arguments. @return its exit code */
    int execute(String... args) {
        return FilemailBatchCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** What the commands printed on standard output so far. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the commands printed on standard error so far. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    List<String> errLines() {
        return err().lines().toList();
    }

    /** Forgets what was printed on standard output. */
    void resetOut() {
        out.reset();
    }

    /** Forgets what was printed on standard error. */
    void resetErr() {
        err.reset();
    }

    /** Forgets everything printed. */
    void reset() {
        resetOut();
        resetErr();
    }
}
