package com.filemailbatch.startup;

import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * In an application whose beans are made when first asked for (a lazy scope), leaves out Spring Boot's meter
 * registry closer. It listens for the context's closing, so the closing made it, and it asks for every meter
 * registry as it is made: the registry and its binders (the ledger's gauges among them) were made at every exit only
 * to be closed, about a fifth of a second of a cold {@code history}. A registry a command did use is still closed
 * when the context is (its {@code close()} is the bean's destroy method); the in-memory one has nothing to publish.
 * The closer also took registries out of Micrometer's global registry, which nothing here uses: in a lazy scope
 * they are kept out of it.
 */
final class NoMeterRegistryCloser implements BeanFactoryPostProcessor {

    /** The closer's bean, as Spring Boot's metrics auto-configuration names it. */
    static final String CLOSER = "meterRegistryCloser";

    /** Leaves the closer out of this application, and its meter registries out of the global one. */
    static void applyTo(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(new NoMeterRegistryCloser());
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource(CLOSER,
                Map.of("management.metrics.use-global-registry", "false")));
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (beanFactory instanceof BeanDefinitionRegistry registry && registry.containsBeanDefinition(CLOSER)) {
            registry.removeBeanDefinition(CLOSER);
        }
    }
}
