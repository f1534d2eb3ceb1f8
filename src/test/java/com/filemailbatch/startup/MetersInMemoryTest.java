package com.filemailbatch.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A lazy application (the data scope) makes no meter registry at its exit only to close it, nor Spring Boot's
 * post-processor of registries at its start; a registry it does use counts, stays out of Micrometer's global one and
 * is closed with it. The other scopes keep both of Spring Boot's helpers.
 */
class MetersInMemoryTest {

    private final AtomicInteger registriesMade = new AtomicInteger();

    private ApplicationContextRunner lazyMetrics(ContextScope scope) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
                .withInitializer(context -> {
                    context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor());
                    context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                        @Override
                        public Object postProcessAfterInitialization(Object bean, String beanName) {
                            if (bean instanceof MeterRegistry) {
                                registriesMade.incrementAndGet();
                            }
                            return bean;
                        }
                    });
                    scope.register(context);
                });
    }

    @Test
    void aLazyApplicationThatRecordedNoMeterMakesNoRegistryToCloseIt() {
        lazyMetrics(ContextScope.DATA).run(context -> {
            assertThat(context).doesNotHaveBean(MetersInMemory.CLOSER).doesNotHaveBean(MetersInMemory.POST_PROCESSOR);
            assertThat(registriesMade).hasValue(0);
        });

        assertThat(registriesMade).as("after the close").hasValue(0);
    }

    @Test
    void aRegistryALazyApplicationUsedIsClosedWithIt() {
        MeterRegistry[] used = new MeterRegistry[1];
        lazyMetrics(ContextScope.DATA).run(context -> {
            used[0] = context.getBean(MeterRegistry.class);
            used[0].counter("rows").increment();
            assertThat(used[0].get("rows").counter().count()).isEqualTo(1.0);
            assertThat(used[0].isClosed()).isFalse();
            // Not in Micrometer's global registry, which nothing here reads: Spring Boot's post-processor would add it.
            assertThat(Metrics.globalRegistry.getRegistries()).doesNotContain(used[0]);
        });

        assertThat(used[0].isClosed()).isTrue();
    }

    @Test
    void theOtherScopesKeepSpringBootsHelpers() {
        ConfigurableApplicationContext[] closed = new ConfigurableApplicationContext[1];
        lazyMetrics(ContextScope.JOBS).run(context -> {
            assertThat(context).hasBean(MetersInMemory.CLOSER).hasBean(MetersInMemory.POST_PROCESSOR);
            closed[0] = context;
        });

        // Without the data scope's processor, the closing makes the registry only to close it: what it spares.
        assertThat(registriesMade).as("made at the close").hasValueGreaterThan(0);
        assertThat(closed[0].isActive()).isFalse();
    }
}
