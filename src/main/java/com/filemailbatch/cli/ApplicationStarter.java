package com.filemailbatch.cli;

import com.filemailbatch.FilemailBatchApplication;
import com.filemailbatch.filemail.FilemailProperties;
import com.filemailbatch.launch.FailureMessages;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/**
 * Starts the Spring context for a command: first, with --sandbox for a command that calls Filemail, the stand-in
 * (its URL and key then replace the configured ones), then the application; with --sandbox, on the sandbox's own
 * database and reports. Configuration problems come out as {@link ConfigurationException}.
 */
final class ApplicationStarter implements AutoCloseable {

    private final boolean sandboxMode;
    /** Null for a command that does not call Filemail: no stand-in then. */
    private final StandInOptions standIn;
    /** Where the sandbox announces itself: standard error, so that --json output stays pure JSON. */
    private final PrintStream notices;
    private final boolean needsApi;
    /** Where a sandbox command without the stand-in points the client: the discard port of loopback. */
    private static final String UNREACHABLE = "http://127.0.0.1:9";

    private List<String> extraProperties = List.of();
    private FilemailSandbox sandbox;
    private ConfigurableApplicationContext context;

    ApplicationStarter(boolean sandbox, StandInOptions standIn, PrintStream notices, boolean needsApi) {
        this.sandboxMode = sandbox;
        this.standIn = standIn;
        this.notices = notices;
        this.needsApi = needsApi;
    }

    /** Extra {@code --name=value} properties for this command only (serve: its web server). */
    ApplicationStarter withProperties(List<String> properties) {
        this.extraProperties = List.copyOf(properties);
        return this;
    }

    ConfigurableApplicationContext start() {
        // Passed as command-line properties: they must win over application.properties and the environment.
        List<String> overrides = new ArrayList<>();
        SandboxOptions sandboxOptions = standIn == null ? null : standIn.sandboxOptions(sandboxMode);
        if (sandboxMode && standIn != null) {
            sandbox = FilemailSandbox.start(sandboxOptions);
            if (standIn.sandboxLatency != null) {
                sandbox.setLatency(standIn.sandboxLatency);
            }
            // Always said when the stand-in runs: on standard error, so that --json output stays pure JSON.
            notices.println(sandbox.banner());
            overrides.add("--filemail.base-url=" + sandbox.baseUrl());
            overrides.add("--filemail.api-key=" + sandbox.apiKey());
        } else if (sandboxMode) {
            // Nothing of this command calls Filemail; should anything try, it must not reach Filemail with the key.
            overrides.add("--filemail.base-url=" + UNREACHABLE);
            overrides.add("--filemail.api-key=");
        }
        if (sandboxMode) {
            // Said in every notification: a run against the stand-in must never read as a real night's run.
            overrides.add("--filemail.sandbox=true");
            overrides.addAll(sandboxStorage());
        }
        overrides.addAll(extraProperties);
        try {
            context = new SpringApplicationBuilder(FilemailBatchApplication.class)
                    .logStartupInfo(false)
                    .run(overrides.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw new ConfigurationException("cannot start: " + FailureMessages.rootMessage(e), e);
        }
        if (needsApi && context.getBean(FilemailProperties.class).apiKey().isBlank()) {
            throw new ConfigurationException("no Filemail API key: set FILEMAIL_API_KEY (or filemail.api-key), "
                    + "or add --sandbox to run against the embedded stand-in", null);
        }
        return context;
    }

    /**
     * Sandbox runs keep their own database, key and reports under {@code sandbox/} in the configured directories,
     * whatever database is configured: a reference "sent" to the stand-in must never count as sent to Filemail.
     */
    private static List<String> sandboxStorage() {
        StandardEnvironment environment = new StandardEnvironment();
        Path dataDir = Path.of(environment.getProperty("filemail.data-dir", "./data"), "sandbox");
        Path reportsDir = Path.of(environment.getProperty("filemail.reports-dir", "./reports"), "sandbox");
        return List.of("--filemail.data-dir=" + dataDir, "--filemail.reports-dir=" + reportsDir,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("filemail-batch")
                        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "--spring.datasource.username=sa", "--spring.datasource.password=");
    }

    /** Closes the application, then the sandbox; once: serve may close them from its shutdown hook first. */
    @Override
    public void close() {
        if (context != null) {
            context.close();
            context = null;
        }
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }
}
