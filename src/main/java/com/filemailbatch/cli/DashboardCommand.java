package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.startup.ContextScope;
import com.filemailbatch.dashboard.DashboardDefinitions;
import com.filemailbatch.dashboard.security.PasswordHashes;
import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.jobs.JobDefinitionLoader;
import com.filemailbatch.jobs.JobDefinitionLoader.JobDefinitionException;
import com.filemailbatch.terminal.Visible;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dashboard}: the web dashboard without the schedules, for a look at the runs from anywhere serve is not. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Serves the dashboard (runs, transfers, actions) and the monitoring endpoints until stopped, "
                + "without running any schedule: beside a serve on another machine, or on a copy of the database.",
                "Users and roles: filemail.dashboard.users.NAME.password-hash (a bcrypt hash: --hash-password makes "
                        + "one) and .role (viewer or operator); without users, everyone on this machine may read "
                        + "and nobody may act, and an --address other than loopback is refused. See "
                        + "docs/dashboard.md.",
                "SIGTERM or Ctrl-C: stops, exit 0."})
final class DashboardCommand extends FilemailCommand {

    @Mixin
    WebServerOptions web;

    @Option(names = "--jobs", paramLabel = "DIR", defaultValue = "jobs",
            description = "The directory of job definitions the overview lists (default: ${DEFAULT-VALUE}); "
                    + "none is fine.")
    Path jobsDirectory;

    @Option(names = "--hash-password", description = "Read a password (typed twice without echo, or the first line "
            + "of standard input), print its bcrypt hash for password-hash, and exit; starts nothing else.")
    boolean hashPassword;

    private List<JobDefinition> definitions;

    DashboardCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.of(ExitCodes.OK, ExitCodes.USAGE, ExitCodes.CONFIG)
                .with(ExitCodes.OK, "stopped by SIGTERM; --hash-password: the hash was printed")
                .with(ExitCodes.USAGE, "invalid job definition, no password given, or bad option")
                .with(ExitCodes.CONFIG, "configuration error (no dashboard user while answering beyond loopback, a "
                        + "password hash that is not bcrypt, database unreachable, port in use)");
    }

    @Override
    OptionalInt withoutApplication() throws Exception {
        if (!hashPassword) {
            return OptionalInt.empty();
        }
        out.println(PasswordHashes.hash(PasswordPrompt.read(System.console(), System.in)));
        return OptionalInt.of(ExitCodes.OK);
    }

    @Override
    void checkArguments() {
        web.check();
        if (!Files.isDirectory(jobsDirectory)) {
            // An auditor's copy of the database comes without one.
            err.println("Note: no jobs directory " + Visible.text(jobsDirectory) + "; the overview lists no job "
                    + "definitions.");
            definitions = List.of();
            return;
        }
        try {
            definitions = JobDefinitionLoader.loadAll(jobsDirectory);
        } catch (JobDefinitionException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Override
    ContextScope scope() {
        return ContextScope.WEB;
    }

    @Override
    List<String> properties() {
        return web.properties();
    }

    /** Returns only when interrupted: the shutdown hook closes the application and exits 0. */
    @Override
    int call(ConfigurableApplicationContext context) throws Exception {
        context.getBean(DashboardDefinitions.class).set(definitions);
        out.println("Dashboard: " + web.url(context));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeApplication();
            out.flush();
            Runtime.getRuntime().halt(ExitCodes.OK);
        }, "filemail-batch-dashboard-stop"));
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }
}
