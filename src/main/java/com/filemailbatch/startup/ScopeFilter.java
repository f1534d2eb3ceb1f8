package com.filemailbatch.startup;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Drops the auto-configurations outside the command's {@link ContextScope} (registered in
 * {@code META-INF/spring.factories}). Runs on the names alone, before any of them is read; without the scope's
 * property (tests, the bench's own applications) it keeps everything.
 */
final class ScopeFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private ContextScope scope = ContextScope.WEB;

    @Override
    public void setEnvironment(Environment environment) {
        scope = environment.getProperty(ContextScope.PROPERTY, ContextScope.class, ContextScope.WEB);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < matches.length; i++) {
            matches[i] = autoConfigurationClasses[i] == null || scope.keeps(autoConfigurationClasses[i]);
        }
        return matches;
    }
}
