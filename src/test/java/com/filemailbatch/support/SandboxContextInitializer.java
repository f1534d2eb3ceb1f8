package com.filemailbatch.support;

import com.filemailbatch.sandbox.FilemailSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at a sandbox (one per context, closed with it) and at its own data directory, so the
 * H2 file database, master key and reports of one test context never meet another's.
 */
public class SandboxContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        FilemailSandbox sandbox = FilemailSandbox.start();
        Path dataDir = temporaryDirectory();
        TestPropertyValues.of(
                "filemail.base-url=" + sandbox.baseUrl(),
                "filemail.api-key=" + sandbox.apiKey(),
                "filemail.data-dir=" + dataDir,
                "filemail.reports-dir=" + dataDir.resolve("reports"),
                // Retries as in production, but waits short enough that a test never sits on a backoff.
                "filemail.retry.initial-backoff=5ms",
                "filemail.retry.max-backoff=20ms")
                .and(databaseProperties(dataDir))
                .applyTo(context);
        context.getBeanFactory().registerSingleton("filemailSandbox", sandbox);
    }

    /** The database of the context: an H2 file in its data directory. */
    protected String[] databaseProperties(Path dataDir) {
        return new String[] {"spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("filemail-batch")};
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("filemail-batch-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
