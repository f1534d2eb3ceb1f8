package com.filemailbatch.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the real application: the whole Spring context, an H2 file database in a fresh temporary directory,
 * and the Filemail sandbox on a loopback port standing in for the API (real HTTP, the seeds' schemas enforced).
 * Inject {@code FilemailSandbox} to script or inspect it and {@link JobRuns} to start the jobs; {@link TestData} resets
 * the ledger and sandbox between tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@Import(JobRuns.class)
@ContextConfiguration(initializers = SandboxContextInitializer.class)
public @interface FilemailBatchTest {
}
