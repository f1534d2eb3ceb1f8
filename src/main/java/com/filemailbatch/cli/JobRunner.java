package com.filemailbatch.cli;

import com.filemailbatch.liveness.RunOwner;
import com.filemailbatch.liveness.StaleRunRecovery;
import com.filemailbatch.report.RunSummary;
import java.io.PrintStream;
import java.util.Optional;
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
        JobExecution last = context.getBean(JobRepository.class).getLastJobExecution(jobName, parameters);
        Optional<RunOwner> owner = context.getBean(StaleRunRecovery.class).recoverIfAbandoned(last);
        if (owner.isPresent()) {
            err.println("error: the " + description + " is already running (execution " + last.getId() + ", process "
                    + owner.get().pid() + " on " + owner.get().host() + "); not started");
            return ExitCodes.JOB_FAILED;
        }
        if (last != null && last.getStatus() == BatchStatus.FAILED && last.getExecutionContext()
                .containsKey("batch.recovered")) {
            err.println("Run " + last.getId() + " was left unfinished by a process that is gone; resuming it.");
        }
        try (GracefulStop stop = GracefulStop.arm(context, jobName, parameters, err)) {
            return exitCode(operator.start(job, parameters));
        } catch (JobInstanceAlreadyCompleteException done) {
            out.println("The " + description + " already completed" + (last == null ? ""
                    : " (execution " + last.getId() + ", ended " + last.getEndTime().withNano(0) + ")")
                    + "; nothing to do. See: filemail-batch show " + (last == null ? "ID" : last.getId()));
            return ExitCodes.OK;
        } catch (JobExecutionAlreadyRunningException running) {
            err.println("error: the " + description + " is already running in another process; not started");
            return ExitCodes.JOB_FAILED;
        }
    }

    private int exitCode(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return RunSummary.COMPLETED_WITH_PROBLEMS.equals(execution.getExitStatus().getExitCode())
                    ? ExitCodes.COMPLETED_WITH_PROBLEMS : ExitCodes.OK;
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            err.println("Run " + execution.getId() + " stopped on request. Run the same command again to resume it.");
            return ExitCodes.JOB_FAILED;
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
