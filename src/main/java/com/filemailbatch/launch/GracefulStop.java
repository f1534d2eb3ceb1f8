package com.filemailbatch.launch;

import com.filemailbatch.terminal.Visible;
import com.filemailbatch.ExitCodes;
import com.filemailbatch.liveness.RunStopper;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * SIGTERM (or Ctrl-C) while a job runs: ask the job to stop after the chunk in flight, so that every call already
 * made finishes and is recorded; wait for the run to end; close the application; exit with 2, like any run that
 * did not complete (running the same command again resumes it). Without this the JVM would close the database
 * under the running job.
 */
public final class GracefulStop implements AutoCloseable {

    /** Long enough for the chunk in flight to finish, retries included. */
    public static final Duration GRACE = Duration.ofMinutes(5);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean stopping;

    private GracefulStop(ConfigurableApplicationContext context, String jobName, JobParameters parameters,
            PrintStream err) {
        this.hook = new Thread(() -> {
            stopping = true;
            err.println("Stopping: the calls in flight finish and are recorded; run the same command again to "
                    + "resume.");
            try {
                context.getBean(RunStopper.class).requestStop(jobName, parameters);
                finished.await(GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                err.println("error: could not stop the run cleanly: " + Visible.text(FailureMessages.rootMessage(e)));
            } finally {
                context.close();
                err.flush();
                Runtime.getRuntime().halt(ExitCodes.JOB_FAILED);
            }
        }, "filemail-batch-graceful-stop");
    }

    /** Arms the stop for the duration of one job launch. */
    static GracefulStop arm(ConfigurableApplicationContext context, String jobName, JobParameters parameters,
            PrintStream err) {
        GracefulStop stop = new GracefulStop(context, jobName, parameters, err);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** The launch returned (and its lines are printed): let a waiting stop finish, or disarm it. */
    @Override
    public void close() {
        finished.countDown();
        if (!stopping) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it closes the application and exits.
            }
        }
    }
}
