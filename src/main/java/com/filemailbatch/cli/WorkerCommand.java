package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.launch.FailureMessages;
import com.filemailbatch.startup.ContextScope;
import com.filemailbatch.workers.WorkerProcess;
import org.springframework.amqp.AmqpException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code worker}: a process that uploads partitions of runs' deliveries, taken from RabbitMQ. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Uploads and completes transfers for the runs of other machines: takes upload partitions from "
                + "RabbitMQ, one at a time, and delivers their transfers as a run would, recording every accepted "
                + "chunk in the shared ledger.",
                "The run itself (run or serve, the manager) must have filemail.workers.enabled=true; it initializes "
                        + "the transfers and cleans up, and splits the uploads into partitions for the workers.",
                "Shared with the manager: the database (PostgreSQL: SPRING_DATASOURCE_URL / _USERNAME / _PASSWORD), "
                        + "the master key (FILEMAIL_BATCH_SECRET), the API key (FILEMAIL_API_KEY), the release, and "
                        + "the files, at the same paths (shared storage). RabbitMQ: SPRING_RABBITMQ_HOST / _PORT / "
                        + "_USERNAME / _PASSWORD / _VIRTUAL_HOST.",
                "A partition of another release or database is refused and left for another worker; this worker "
                        + "then ends (exit 78). A worker killed in the middle of a partition is taken over by another "
                        + "once it was silent for filemail.workers.lost-after (1m), resuming from the recorded chunks.",
                "SIGTERM or Ctrl-C: the partition in progress stops after its chunk in flight and goes back to the "
                        + "queue for another worker; exit 0.",
                "Topology, storage layout and capacity: docs/scaling.md."})
final class WorkerCommand extends ContextCommand {

    @Option(names = "--name", paramLabel = "NAME",
            description = "How this worker is named in show, history and the dashboard (default: pid@host).")
    String name;

    @Option(names = "--max-bytes-per-second", paramLabel = "SIZE",
            description = "The most file bytes this worker sends per second, all its uploads together, such as "
                    + "10MB (filemail.upload.max-bytes-per-second; default: no cap).")
    String maxBytesPerSecond;

    WorkerCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.of(ExitCodes.OK, ExitCodes.USAGE, ExitCodes.CONFIG)
                .with(ExitCodes.OK, "stopped by SIGTERM")
                .with(ExitCodes.CONFIG, "configuration error (no API key, database or RabbitMQ unreachable, another "
                        + "master key), or a partition of another release or database refused");
    }

    @Override
    void checkArguments() {
        if (common.sandbox) {
            throw new UsageException("worker takes no --sandbox: it works for the runs of a manager, on the manager's "
                    + "database and Filemail; point it at them (SPRING_DATASOURCE_URL, FILEMAIL_BASE_URL)");
        }
    }

    @Override
    boolean needsApi() {
        return true;
    }

    /** A worker uploads: the Filemail client and the jobs' steps, no web server. */
    @Override
    ContextScope scope() {
        return ContextScope.JOBS;
    }

    @Override
    List<String> properties() {
        List<String> properties = new ArrayList<>(List.of("--filemail.workers.enabled=true",
                "--filemail.workers.worker-process=true"));
        if (name != null) {
            properties.add("--filemail.workers.name=" + name);
        }
        if (maxBytesPerSecond != null) {
            properties.add("--filemail.upload.max-bytes-per-second=" + maxBytesPerSecond);
        }
        return properties;
    }

    /** Returns when the worker refused a partition; SIGTERM ends the process from its shutdown hook. */
    @Override
    int call(ConfigurableApplicationContext context) throws Exception {
        WorkerProcess worker = context.getBean(WorkerProcess.class);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping worker " + worker.name() + ": the partition in progress (if any) stops after its "
                    + "chunk in flight and goes back to the queue.");
            worker.shutDown();
            closeApplication();
            out.flush();
            Runtime.getRuntime().halt(ExitCodes.OK);
        }, "filemail-batch-worker-stop"));
        try {
            worker.start();
        } catch (AmqpException e) {
            throw new ConfigurationException("cannot reach RabbitMQ at " + worker.broker() + ": "
                    + FailureMessages.rootMessage(e) + " (set SPRING_RABBITMQ_HOST, _PORT, _USERNAME, _PASSWORD, "
                    + "_VIRTUAL_HOST)", e);
        }
        out.println("Worker " + worker.name() + " is taking upload partitions from RabbitMQ " + worker.broker()
                + ", queue " + worker.queue() + " (Ctrl-C to stop).");
        int code = worker.awaitExit();
        err.println("Worker " + worker.name() + " stopped: it refused a partition (see the log above).");
        return code;
    }
}
