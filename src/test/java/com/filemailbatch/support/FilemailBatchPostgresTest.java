package com.filemailbatch.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link FilemailBatchTest} on PostgreSQL, the production database: put it on a subclass of an H2 job test to run
 * the same tests there. Skipped only where no server answers outside CI (see
 * {@link PostgresContextInitializer.PostgresServer#available()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@Import(JobRuns.class)
@ContextConfiguration(initializers = PostgresContextInitializer.class, inheritInitializers = false)
@EnabledIf(value = "com.filemailbatch.support.PostgresContextInitializer$PostgresServer#available",
        disabledReason = "no PostgreSQL server at FILEMAIL_TEST_POSTGRES (default 127.0.0.1:5432)")
public @interface FilemailBatchPostgresTest {
}
