package com.filemailbatch.startup;

import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * In an application whose beans are made when first asked for (a lazy scope), meters in memory only: a plain
 * registry for what counts into one (notifications, the journal), made only by the first that does, without Spring
 * Boot's two helpers around it, each of which cost every start of such a command:
 * <ul>
 * <li>the meter registry closer listens for the context's closing and asks for every registry then: the registry
 * and its binders (the ledger's gauges among them) were made at every exit only to be closed, about a fifth of a
 * second of a cold {@code history}. A registry a command did use is still closed with the context (its
 * {@code close()} is the bean's destroy method).</li>
 * <li>the meter registry post-processor, a bean post-processor and so made at every start with Micrometer's classes,
 * gives registries their customizers, filters and binders and adds them to Micrometer's global registry: what an
 * exporter or the metrics endpoint reads, and a lazy scope has neither.</li>
 * </ul>
 */
final class MetersInMemory implements BeanFactoryPostProcessor {

    /** The closer's bean, as Spring Boot's metrics auto-configuration names it. */
    static final String CLOSER = "meterRegistryCloser";
    /** The post-processor's bean, as Spring Boot's metrics auto-configuration names it. */
    static final String POST_PROCESSOR = "meterRegistryPostProcessor";

    /** Leaves the closer and the post-processor out of this application. */
    static void applyTo(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(new MetersInMemory());
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (beanFactory instanceof BeanDefinitionRegistry registry) {
            List.of(CLOSER, POST_PROCESSOR).stream().filter(registry::containsBeanDefinition)
                    .forEach(registry::removeBeanDefinition);
        }
    }
}
