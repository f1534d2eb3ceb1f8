package com.filemailbatch.launch;

import com.filemailbatch.terminal.Visible;
import com.filemailbatch.ExitCodes;
import com.filemailbatch.launch.Launch.Outcome;
import com.filemailbatch.liveness.RunAdmission;
import com.filemailbatch.liveness.RunAdmission.Admitted;
import com.filemailbatch.liveness.RunOwner;
import com.filemailbatch.liveness.StaleRunRecovery;
import com.filemailbatch.report.RunSummary;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 *
 * <p>One run at a time: a real launch starts only once {@link RunAdmission} admits it (the job's lock held, its
 * abandoned runs recovered). Dry runs change nothing and are not admitted first.
 */
public final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final ConfigurableApplicationContext context;
    private final PrintStream out;
    private final PrintStream err;

    public JobRunner(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        this.context = context;
        this.out = out;
        this.err = err;
    }

    /**
     * Launches the job now, or restarts its failed instance.
     *
     * @param description what the messages call the run, such as "cleanup"
     * @param exclusive   whether the run must be admitted first (real runs; dry runs change nothing)
     */
    public Launch launch(String jobName, JobParameters parameters, String description, boolean exclusive)
            throws Exception {
        return launch(jobName, parameters, description, exclusive, launch -> {
        });
    }

    /**
     * As {@link #launch(String, JobParameters, String, boolean)}, and hands the launch to {@code ended} before a
     * SIGTERM received meanwhile may close the application: what {@code ended} records is never lost to the stop.
     */
    public Launch launch(String jobName, JobParameters parameters, String description, boolean exclusive,
            Consumer<Launch> ended) throws Exception {
        // Armed before the lock is taken, so that on SIGTERM the lock is released (closed first) before the stop
        // closes the application and exits.
        try (GracefulStop stop = GracefulStop.arm(context, jobName, parameters, err)) {
            Launch launch = admitAndStart(jobName, parameters, description, exclusive);
            ended.accept(launch);
            return launch;
        }
    }

    private Launch admitAndStart(String jobName, JobParameters parameters, String description, boolean exclusive)
            throws Exception {
        if (!exclusive) {
            return start(jobName, parameters, description);
        }
        RunAdmission admission = context.getBean(RunAdmission.class);
        Optional<Admitted> admitted = admission.tryAdmit(jobName);
        if (admitted.isEmpty()) {
            String holder = admission.holder(jobName).map(h -> " (lock held by process " + h + ")").orElse("");
            LOG.info("{} not started: another run of {} is in progress{}", description, jobName, holder);
            err.println("Not started: another run of " + jobName + " is in progress" + holder
                    + "; only one runs at a time. Try again when it has ended.");
            return new Launch(Outcome.SKIPPED_LOCKED, ExitCodes.LOCKED, null);
        }
        try (Admitted run = admitted.get()) {
            run.recovered().forEach(id -> err.println("Run " + id + " of " + jobName + " was left unfinished by a "
                    + "process that is gone; marked failed so that it can be restarted."));
            return start(jobName, parameters, description);
        }
    }

    private Launch start(String jobName, JobParameters parameters, String description) throws Exception {
        Job job = context.getBean(jobName, Job.class);
        JobOperator operator = context.getBean(JobOperator.class);
        JobExecution last = context.getBean(JobRepository.class).getLastJobExecution(jobName, parameters);
        Optional<RunOwner> owner = context.getBean(StaleRunRecovery.class).recoverIfAbandoned(last);
        if (owner.isPresent()) {
            err.println("Not started: the " + description + " is already running (execution " + last.getId()
                    + ", process " + owner.get().pid() + " on " + owner.get().host() + ").");
            return new Launch(Outcome.SKIPPED_RUNNING, ExitCodes.LOCKED, last.getId());
        }
        if (last != null && last.getStatus() == BatchStatus.FAILED && last.getExecutionContext()
                .containsKey("batch.recovered")) {
            err.println("Run " + last.getId() + " was left unfinished by a process that is gone; resuming it.");
        }
        try {
            return outcome(operator.start(job, parameters));
        } catch (JobInstanceAlreadyCompleteException done) {
            out.println("The " + description + " already completed" + (last == null ? ""
                    : " (execution " + last.getId() + ", ended " + last.getEndTime().withNano(0) + ")")
                    + "; nothing to do. See: filemail-batch show " + (last == null ? "ID" : last.getId()));
            return new Launch(Outcome.ALREADY_COMPLETE, ExitCodes.OK, last == null ? null : last.getId());
        } catch (JobExecutionAlreadyRunningException running) {
            err.println("Not started: the " + description + " is already running in another process.");
            return new Launch(Outcome.SKIPPED_RUNNING, ExitCodes.LOCKED, last == null ? null : last.getId());
        }
    }

    private Launch outcome(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return RunSummary.COMPLETED_WITH_PROBLEMS.equals(execution.getExitStatus().getExitCode())
                    ? new Launch(Outcome.COMPLETED_WITH_PROBLEMS, ExitCodes.COMPLETED_WITH_PROBLEMS, execution.getId())
                    : new Launch(Outcome.COMPLETED, ExitCodes.OK, execution.getId());
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            err.println("Run " + execution.getId() + " stopped on request. Run the same command again to resume it.");
            return new Launch(Outcome.STOPPED, ExitCodes.JOB_FAILED, execution.getId());
        }
        String failure = FailureMessages.explain(execution.getAllFailureExceptions());
        err.println("error: " + Visible.text(failure));
        boolean inputProblem = FailureMessages.isInputProblem(execution.getAllFailureExceptions());
        String next = inputProblem ? "Fix the input file and run the same command again."
                : "Fix the cause and run the same command again: it resumes where it stopped.";
        err.println("Run " + execution.getId() + " " + execution.getStatus().name().toLowerCase() + ". " + next
                + " Full log: " + context.getEnvironment().getProperty("logging.file.name"));
        return new Launch(inputProblem ? Outcome.FAILED_INPUT : Outcome.FAILED, ExitCodes.JOB_FAILED,
                execution.getId(), failure);
    }
}
