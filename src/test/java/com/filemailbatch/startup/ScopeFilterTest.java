package com.filemailbatch.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** Which auto-configurations a command's application reads, by its scope and the workers setting. */
class ScopeFilterTest {

    private static final String RABBIT = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration";
    private static final String RABBIT_METRICS =
            "org.springframework.boot.amqp.autoconfigure.metrics.RabbitMetricsAutoConfiguration";
    private static final String WEB_MVC = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration";
    private static final String FEIGN = "org.springframework.cloud.openfeign.FeignAutoConfiguration";
    private static final String CLOUD = "org.springframework.cloud.autoconfigure.RefreshAutoConfiguration";
    private static final String FLYWAY = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";
    private static final String SIMPLE_METRICS =
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration";
    private static final String[] NAMES = {RABBIT, RABBIT_METRICS, WEB_MVC, FEIGN, CLOUD, FLYWAY, SIMPLE_METRICS, null};

    @Test
    void withoutTheWorkersNoScopeReadsRabbitMq() {
        for (ContextScope scope : ContextScope.values()) {
            boolean[] kept = filter(scope, false).match(NAMES, null);

            assertThat(kept[0]).as(scope + ": RabbitMQ").isFalse();
            assertThat(kept[1]).as(scope + ": RabbitMQ's metrics").isFalse();
            assertThat(kept[5]).as(scope + ": Flyway").isTrue();
            assertThat(kept[7]).as(scope + ": an entry already dropped").isTrue();
        }
    }

    @Test
    void withTheWorkersTheJobsAndTheWebScopeReadIt() {
        assertThat(filter(ContextScope.JOBS, true).match(NAMES, null))
                .containsExactly(true, true, false, true, false, true, true, true);
        assertThat(filter(ContextScope.WEB, true).match(NAMES, null))
                .containsExactly(true, true, true, true, false, true, true, true);
    }

    @Test
    void theDataScopeReadsTheDatabaseAndInMemoryMetersOnlyWithOrWithoutTheWorkers() {
        assertThat(filter(ContextScope.DATA, true).match(NAMES, null))
                .containsExactly(false, false, false, false, false, true, true, true);
        assertThat(filter(ContextScope.DATA, false).match(NAMES, null))
                .containsExactly(false, false, false, false, false, true, true, true);
    }

    @Test
    void anApplicationWithoutAScopeKeepsAllButSpringCloudsOwnAndRabbitMqWithoutTheWorkers() {
        ScopeFilter filter = new ScopeFilter();
        filter.setBeanFactory(new DefaultListableBeanFactory());
        filter.setEnvironment(new MockEnvironment());

        assertThat(filter.match(NAMES, null)).containsExactly(false, false, true, true, false, true, true, true);
    }

    private static ScopeFilter filter(ContextScope scope, boolean workers) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton(ContextScope.BEAN, scope);
        ScopeFilter filter = new ScopeFilter();
        filter.setBeanFactory(beans);
        filter.setEnvironment(new MockEnvironment().withProperty("filemail.workers.enabled",
                Boolean.toString(workers)));
        return filter;
    }
}
