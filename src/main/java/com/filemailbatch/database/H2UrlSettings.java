package com.filemailbatch.database;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives {@code spring.datasource.url} the settings of {@link H2FileUrl} before anything reads it, whichever way it
 * was set (environment, {@code -D}, a properties file, the command line). Registered in
 * {@code META-INF/spring.factories}; runs after the configuration files are loaded.
 */
public final class H2UrlSettings implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "spring.datasource.url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(PROPERTY);
        String settled = H2FileUrl.withRequiredSettings(url);
        if (settled != null && !settled.equals(url)) {
            environment.getPropertySources().addFirst(new MapPropertySource("filemailH2Settings",
                    Map.of(PROPERTY, settled)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
