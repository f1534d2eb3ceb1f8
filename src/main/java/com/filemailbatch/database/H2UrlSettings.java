package com.filemailbatch.database;

import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives {@code spring.datasource.url} the settings of {@link H2FileUrl} before anything reads it, whichever way it
 * was set (environment, {@code -D}, a properties file, the command line). Registered in
 * {@code META-INF/spring.factories}; runs once the configuration is loaded and logging is set up, so that a
 * refused URL is reported like any other configuration problem.
 */
public final class H2UrlSettings implements GenericApplicationListener {

    static final String PROPERTY = "spring.datasource.url";

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        return eventType.isAssignableFrom(ApplicationEnvironmentPreparedEvent.class);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        settle(((ApplicationEnvironmentPreparedEvent) event).getEnvironment());
    }

    static void settle(ConfigurableEnvironment environment) {
        String url = environment.getProperty(PROPERTY);
        String settled = H2FileUrl.withRequiredSettings(url);
        if (settled != null && !settled.equals(url)) {
            environment.getPropertySources().addFirst(new MapPropertySource("filemailH2Settings",
                    Map.of(PROPERTY, settled)));
        }
    }

    /** After the listener that configures logging. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 2;
    }
}
