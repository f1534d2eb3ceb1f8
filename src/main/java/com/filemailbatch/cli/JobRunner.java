package com.filemailbatch.cli;

import com.filemailbatch.report.RunSummary;
import java.io.PrintStream;
import java.util.Locale;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Launches a job (a failed instance is restarted where it stopped) and turns its end into the exit code and the
 * lines the user sees. The run summary itself is printed by the job's report step.
 */
final class JobRunner {

    private final ConfigurableApplicationContext context;
    private final PrintStream out;
    private final PrintStream err;

    JobRunner(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        this.context = context;
        this.out = out;
        this.err = err;
    }

    int run(String jobName, JobParameters parameters, String description) throws Exception {
        Job job = context.getBean(jobName, Job.class);
        JobOperator operator = context.getBean(JobOperator.class);
        JobExecution execution;
        try {
            execution = operator.start(job, parameters);
        } catch (JobInstanceAlreadyCompleteException done) {
            JobExecution last = context.getBean(JobRepository.class).getLastJobExecution(jobName, parameters);
            out.println("The " + description + " already completed" + (last == null ? ""
                    : " (execution " + last.getId() + ", ended " + last.getEndTime() + ")")
                    + "; nothing to do. See: filemail-batch show " + (last == null ? "ID" : last.getId()));
            return ExitCodes.OK;
        } catch (JobExecutionAlreadyRunningException running) {
            JobExecution interrupted = interruptedExecution(jobName, parameters);
            if (interrupted == null) {
                err.println("error: the " + description + " is already running in another process; not started");
                return ExitCodes.JOB_FAILED;
            }
            // Killed (or the machine stopped) before it could record its end: no process runs it any more.
            err.println("note: run " + interrupted.getId() + " ended without recording its end (the process was "
                    + "killed?); it is marked failed and resumed now");
            operator.recover(interrupted);
            execution = operator.start(job, parameters);
        }
        return exitCode(execution);
    }

    /**
     * The last execution of this run, still recorded as running although no process can be running it: the
     * embedded H2 file database this process has open admits no other process, so an execution it shows running
     * was interrupted. On a shared database (a server) another process may really be running it: null.
     */
    private JobExecution interruptedExecution(String jobName, JobParameters parameters) {
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        String upper = url.toUpperCase(Locale.ROOT);
        boolean exclusive = upper.startsWith("JDBC:H2:FILE:") && !upper.contains("AUTO_SERVER=TRUE")
                && !upper.contains("FILE_LOCK=NO");
        if (!exclusive) {
            return null;
        }
        JobRepository repository = context.getBean(JobRepository.class);
        JobExecution last = repository.getLastJobExecution(jobName, parameters);
        return last == null || !last.isRunning() ? null : repository.getJobExecution(last.getId());
    }

    private int exitCode(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return RunSummary.COMPLETED_WITH_PROBLEMS.equals(execution.getExitStatus().getExitCode())
                    ? ExitCodes.COMPLETED_WITH_PROBLEMS : ExitCodes.OK;
        }
        err.println("error: " + FailureMessages.explain(execution.getAllFailureExceptions()));
        String next = FailureMessages.isInputProblem(execution.getAllFailureExceptions())
                ? "Fix the input file and run the same command again."
                : "Fix the cause and run the same command again: it resumes where it stopped.";
        err.println("Run " + execution.getId() + " " + execution.getStatus().name().toLowerCase() + ". " + next
                + " Full log: " + context.getEnvironment().getProperty("logging.file.name"));
        return ExitCodes.JOB_FAILED;
    }
}
