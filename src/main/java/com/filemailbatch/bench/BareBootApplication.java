package com.filemailbatch.bench;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.admin.SpringApplicationAdminJmxAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.autoconfigure.jmx.JmxAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JndiDataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.XADataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.boot.transaction.jta.autoconfigure.JtaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start-up figure's yardstick: a bare Spring Boot application with the same database stack as the tool (H2 in a
 * file, Flyway with the tool's migrations, Spring Batch's JDBC job repository), made of the auto-configurations a
 * project with only those starters would get, that reads the job execution table and exits. Run from the same jar
 * ({@link StartupBenchmark}), with the same {@code application.properties}, so that only the application differs.
 * Not a Spring component (no {@code @Configuration}): the tool's own component scan must never pick it up.
 */
@ImportAutoConfiguration({SpringApplicationAdminJmxAutoConfiguration.class, AopAutoConfiguration.class,
        ApplicationAvailabilityAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        LifecycleAutoConfiguration.class, MessageSourceAutoConfiguration.class,
        PropertyPlaceholderAutoConfiguration.class, ProjectInfoAutoConfiguration.class, JmxAutoConfiguration.class,
        SslAutoConfiguration.class, TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class,
        BatchAutoConfiguration.class, BatchJobLauncherAutoConfiguration.class, BatchJdbcAutoConfiguration.class,
        FlywayAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceInitializationAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcClientAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JndiDataSourceAutoConfiguration.class,
        XADataSourceAutoConfiguration.class, PersistenceExceptionTranslationAutoConfiguration.class,
        TransactionAutoConfiguration.class, TransactionManagerCustomizationAutoConfiguration.class,
        JtaAutoConfiguration.class})
public final class BareBootApplication {

    /** Prints how many job executions the database holds. */
    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BareBootApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(args)) {
            Long executions = context.getBean(JdbcTemplate.class)
                    .queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class);
            System.out.println(executions + " job executions");
        }
    }
}
