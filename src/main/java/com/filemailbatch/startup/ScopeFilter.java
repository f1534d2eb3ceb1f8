package com.filemailbatch.startup;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Drops the auto-configurations outside the command's {@link ContextScope} (registered in
 * {@code META-INF/spring.factories}). Runs on the names alone, before any of them is read; in an application the
 * command line did not start (tests, the bench's own applications) it keeps everything but Spring Cloud's
 * auto-configurations that serve nothing here. RabbitMQ's are kept only with the workers. First of the filters:
 * Spring Boot's own look for the classes each auto-configuration's conditions name, loading them (a web server's,
 * security's, RabbitMQ's, ...), and need not for those this one drops.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ScopeFilter implements AutoConfigurationImportFilter, BeanFactoryAware, EnvironmentAware {

    private ContextScope scope = ContextScope.WEB;
    /** Whether the workers are on: RabbitMQ's auto-configurations only then (see {@link ContextScope#keeps}). */
    private boolean workers;

    @Override
    public void setEnvironment(Environment environment) {
        workers = environment.getProperty("filemail.workers.enabled", Boolean.class, false);
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        if (beanFactory.containsBean(ContextScope.BEAN)) {
            scope = beanFactory.getBean(ContextScope.BEAN, ContextScope.class);
        }
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < matches.length; i++) {
            matches[i] = autoConfigurationClasses[i] == null || scope.keeps(autoConfigurationClasses[i], workers);
        }
        return matches;
    }
}
