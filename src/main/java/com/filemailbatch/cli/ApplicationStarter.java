package com.filemailbatch.cli;

import com.filemailbatch.FilemailBatchApplication;
import com.filemailbatch.filemail.FilemailProperties;
import com.filemailbatch.launch.FailureMessages;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxOptions;
import com.filemailbatch.startup.ContextScope;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private ContextScope scope = ContextScope.WEB;
    private Map<String, String> userProperties = Map.of();
    private List<String> extraProperties = List.of();
    private FilemailSandbox sandbox;
    private ConfigurableApplicationContext context;

    ApplicationStarter(boolean sandbox, StandInOptions standIn, PrintStream notices, boolean needsApi) {
        this.sandboxMode = sandbox;
        this.standIn = standIn;
        this.notices = notices;
        this.needsApi = needsApi;
    }

    /** What the application holds (everything by default). */
    ApplicationStarter withScope(ContextScope scope) {
        this.scope = scope;
        return this;
    }

    /**
     * @param user       the properties given on the command line ({@code --filemail.reports-dir=...})
     * @param properties {@code --name=value} properties of this command (serve: its web server), which win over the
     *                   user's
     */
    ApplicationStarter withProperties(Map<String, String> user, List<String> properties) {
        this.userProperties = Map.copyOf(user);
        this.extraProperties = List.copyOf(properties);
        return this;
    }

    ConfigurableApplicationContext start() {
        // Passed as command-line properties: they must win over application.properties and the environment. One
        // value per name (Spring would join repeated ones with commas): the user's, then the command's, then the
        // sandbox's, which must win, so that nothing reaches Filemail.
        Map<String, String> overrides = new LinkedHashMap<>(userProperties);
        extraProperties.forEach(argument -> {
            int equals = argument.indexOf('=');
            overrides.put(argument.substring(2, equals), argument.substring(equals + 1));
        });
        SandboxOptions sandboxOptions = standIn == null ? null : standIn.sandboxOptions(sandboxMode);
        if (sandboxMode && standIn != null) {
            sandbox = FilemailSandbox.start(sandboxOptions);
            if (standIn.sandboxLatency != null) {
                sandbox.setLatency(standIn.sandboxLatency);
            }
            // Always said when the stand-in runs: on standard error, so that --json output stays pure JSON.
            notices.println(sandbox.banner());
            overrides.put("filemail.base-url", sandbox.baseUrl().toString());
            overrides.put("filemail.api-key", sandbox.apiKey());
        } else if (sandboxMode) {
            // Nothing of this command calls Filemail; should anything try, it must not reach Filemail with the key.
            overrides.put("filemail.base-url", UNREACHABLE);
            overrides.put("filemail.api-key", "");
        }
        if (sandboxMode) {
            // Said in every notification: a run against the stand-in must never read as a real night's run.
            overrides.put("filemail.sandbox", "true");
            overrides.putAll(sandboxStorage(userProperties));
        }
        try {
            context = new SpringApplicationBuilder(FilemailBatchApplication.class)
                    .logStartupInfo(false)
                    .applicationStartup(StartupSteps.startup())
                    .lazyInitialization(scope.lazy())
                    .initializers(scope::register)
                    .run(PropertyArguments.arguments(overrides).toArray(String[]::new));
        } catch (RuntimeException e) {
            throw new ConfigurationException("cannot start: " + FailureMessages.rootMessage(e), e);
        }
        StartupSteps.report(context, notices);
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
    private static Map<String, String> sandboxStorage(Map<String, String> user) {
        StandardEnvironment environment = new StandardEnvironment();
        Path dataDir = Path.of(user.getOrDefault("filemail.data-dir",
                environment.getProperty("filemail.data-dir", "./data")), "sandbox");
        Path reportsDir = Path.of(user.getOrDefault("filemail.reports-dir",
                environment.getProperty("filemail.reports-dir", "./reports")), "sandbox");
        Map<String, String> storage = new LinkedHashMap<>();
        storage.put("filemail.data-dir", dataDir.toString());
        storage.put("filemail.reports-dir", reportsDir.toString());
        storage.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("filemail-batch")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        storage.put("spring.datasource.username", "sa");
        storage.put("spring.datasource.password", "");
        return storage;
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
