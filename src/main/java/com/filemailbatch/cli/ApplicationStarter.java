package com.filemailbatch.cli;

import com.filemailbatch.FilemailBatchApplication;
import com.filemailbatch.filemail.FilemailProperties;
import com.filemailbatch.sandbox.FilemailSandbox;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring context for a command: first the sandbox when asked for (its URL and key then replace the
 * configured ones), then the application. Configuration problems come out as {@link ConfigurationException}.
 */
final class ApplicationStarter implements AutoCloseable {

    private final CommonOptions options;
    private final PrintStream out;
    private final boolean needsApi;
    private FilemailSandbox sandbox;
    private ConfigurableApplicationContext context;

    ApplicationStarter(CommonOptions options, PrintStream out, boolean needsApi) {
        this.options = options;
        this.out = out;
        this.needsApi = needsApi;
    }

    ConfigurableApplicationContext start() {
        // Passed as command-line properties: they must win over application.properties and the environment.
        List<String> overrides = new ArrayList<>();
        if (options.sandbox) {
            sandbox = FilemailSandbox.start();
            out.println(sandbox.banner());
            overrides.add("--filemail.base-url=" + sandbox.baseUrl());
            overrides.add("--filemail.api-key=" + sandbox.apiKey());
        }
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

    FilemailSandbox sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
