package com.filemailbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.filemailbatch.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user meets it: exit codes and the lines on stdout and stderr. Usage errors are answered
 * before Spring starts; the commands that do start it here get a data directory and database of their own.
 */
class FilemailBatchCliTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CommandLineSession cli = new CommandLineSession();

    @BeforeEach
    void ownDataDirectory() {
        cli.use(dir, "");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        assertThat(cli.execute("--help")).isZero();

        assertThat(cli.out()).contains("Usage: filemail-batch", "run", "cleanup", "history", "show",
                "Exit codes:", "  0    success", "  2    the job failed: run the same command again to resume",
                "  3    completed, but some rows were rejected or failed", "  64   usage error",
                "  78   configuration error (for example no API key without --sandbox)");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void theTopLevelHelpIsTheHelpOfTheFullModel() {
        // --help alone lists the commands without inspecting their options: what it prints must not differ.
        String full = FilemailBatchCli.commandLine(System.out, System.err).getUsageMessage();
        assertThat(full).contains("Commands:", "  notifications", "Exit codes:");

        for (String help : List.of("--help", "-h")) {
            assertThat(cli.execute(help)).as(help).isZero();
            assertThat(cli.out()).as(help).isEqualTo(full);
            cli.reset();
        }
    }

    @Test
    void runHelpEndsWithItsExitCodesWrappedInTheirColumn() {
        assertThat(cli.execute("run", "--help")).isZero();

        List<String> lines = cli.out().lines().toList();
        assertThat(lines.subList(lines.indexOf("Exit codes:"), lines.size())).containsExactly("Exit codes:",
                "  0    success",
                "  2    the job failed: run the same command again to resume",
                "  3    completed, but some rows were rejected or failed",
                "  64   usage error (unknown option, bad value, input file not found, invalid",
                "         job definition)",
                "  75   not started: another run of the same job is in progress (its lock is",
                "         held)",
                "  78   configuration error (for example no API key without --sandbox)");
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    }

    @Test
    void rotateKeyHelpSaysWhereTheNewKeyComesFrom() {
        assertThat(cli.execute("rotate-key", "--help")).isZero();

        assertThat(cli.out()).contains("Usage: filemail-batch rotate-key", "one transaction", "FILEMAIL_BATCH_NEW_SECRET",
                "master.key.new", "--sandbox");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void runHelpListsItsOptions() {
        assertThat(cli.execute("run", "--help")).isZero();

        assertThat(cli.out()).contains("Usage: filemail-batch run", "--input=FILE", "--job=DEFINITION",
                "--run-date=YYYY-MM-DD", "--stale-after=DURATION", "1d, 12h, 30m or ISO-8601 such as P1D", "--dry-run",
                "--sandbox");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void everyCommandPrintsTheBuildsVersion() {
        String version = System.getProperty("filemail.batch.version");
        assumeTrue(version != null, "run by Maven, which passes the project's version");

        assertThat(cli.execute("--version")).isZero();
        assertThat(cli.out()).isEqualTo("filemail-batch " + version + System.lineSeparator());
        for (String command : FilemailBatchCli.commandNames(FilemailBatchCli.commandLine(System.out, System.err))) {
            cli.resetOut();
            assertThat(cli.execute(command, "--version")).as(command).isZero();
            assertThat(cli.out()).as(command).isEqualTo("filemail-batch " + version + System.lineSeparator());
        }
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(cli.execute()).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).containsExactly("error: a command is required (run, cleanup, history, show, bench, "
                + "verify-receipts, purge, serve, dashboard, worker, recover, rotate-key, check, notifications)",
                "Try: filemail-batch --help");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void theNoCommandMessageNamesEveryRegisteredCommand() {
        List<String> registered = FilemailBatchCli.commandLine(System.out, System.err).getSubcommands().keySet().stream()
                .filter(name -> !name.equals("help")).toList();

        assertThat(cli.execute()).isEqualTo(ExitCodes.USAGE);

        assertThat(registered).hasSize(FilemailBatchCli.COMMANDS.size());
        String message = cli.errLines().get(0);
        assertThat(message).startsWith("error: a command is required (");
        List<String> named = List.of(message.substring(message.indexOf('(') + 1, message.lastIndexOf(')'))
                .split(", "));
        assertThat(named).as("every registered command, in the order of the help").isEqualTo(registered);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(cli.execute("frobnicate")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).first().isEqualTo("error: unknown command 'frobnicate'");
        assertThat(cli.errLines()).last().isEqualTo("Try: filemail-batch --help");
    }

    @Test
    void aMistypedCommandIsNamedWithSuggestionsEvenWithHelp() {
        assertThat(cli.execute("dashbord", "--help")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).containsExactly("error: unknown command 'dashbord'",
                "did you mean: dashboard?", "Try: filemail-batch --help");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void twoLettersSwappedInACommandStillFindIt() {
        assertThat(cli.execute("rnu", "--input", "x.csv")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).containsExactly("error: unknown command 'rnu'", "did you mean: run?",
                "Try: filemail-batch --help");
    }

    @Test
    void anUnknownTopLevelOptionIsAnErrorEvenWithACommandsHelp() {
        assertThat(cli.execute("--bogus", "run", "--help")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).first().isEqualTo("error: Unknown option: '--bogus'");
        assertThat(cli.errLines()).last().isEqualTo("Try: filemail-batch --help");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aMistypedOptionGetsSuggestions() {
        assertThat(cli.execute("run", "--inptu=x.csv", "--help")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).containsExactly("error: Unknown option: '--inptu=x.csv'", "did you mean: --input?",
                "Try: filemail-batch run --help");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void runWithoutInputIsAUsageError() {
        assertThat(cli.execute("run")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).containsExactly(
                "error: Missing required argument (specify one of these): (--input=FILE | --job=DEFINITION)",
                "Try: filemail-batch run --help");
    }

    @Test
    void aStaleAfterThatIsNoDurationIsAUsageError() throws Exception {
        Path input = csv();

        assertThat(cli.execute("run", "--input", input.toString(), "--stale-after", "1 day")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).containsExactly("error: Invalid value for option '--stale-after': '1 day' is not a "
                + "duration such as 90d, 12h, 30m, 10s or 500ms, or ISO-8601 such as P1D or PT2H",
                "Try: filemail-batch run --help");
    }

    @Test
    void aWorkersBenchCapThatIsNoSizeIsAUsageError() {
        assertThat(cli.execute("bench", "--workers", "--workers-cap", "fast")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).containsExactly("error: --workers-cap 'fast' is no size (such as 4MB, 500KB)");
        assertThat(cli.execute("bench", "--workers", "--workers-max", "9")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aNegativeStaleAfterIsAUsageError() throws Exception {
        assertThat(cli.execute("cleanup", "--stale-after=-P1D")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).containsExactly("error: Invalid value for option '--stale-after': '-P1D' must be zero "
                + "or more, such as 90d, 12h, 30m, 10s or 500ms, or ISO-8601 such as P1D or PT2H",
                "Try: filemail-batch cleanup --help");
    }

    @Test
    void everyDurationOptionTakesBothForms() throws Exception {
        Path input = csv();
        for (String duration : new String[] {"1d", "P1D", "12h", "PT30M"}) {
            cli.resetOut();
            assertThat(cli.execute("cleanup", "--stale-after", duration, "--dry-run", "--sandbox")).as(cli.err()).isZero();
            cli.resetOut();
            assertThat(cli.execute("purge", "--older-than", duration, "--dry-run", "--sandbox")).as(cli.err()).isZero();
        }
        assertThat(cli.execute("run", "--input", input.toString(), "--run-date", "2026-11-20", "--stale-after", "1d",
                "--sandbox", "--sandbox-latency", "10ms", "--dry-run")).as(cli.err()).isZero();
        cli.resetErr();
        assertThat(cli.execute("purge", "--older-than", "90")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.errLines()).first().isEqualTo("error: Invalid value for option '--older-than': '90' is not a "
                + "duration such as 90d, 12h, 30m, 10s or 500ms, or ISO-8601 such as P1D or PT2H");
    }

    @Test
    void aRunDateThatIsNoDateIsAUsageError() throws Exception {
        Path input = csv();

        assertThat(cli.execute("run", "--input", input.toString(), "--run-date", "2026-13-01"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("'2026-13-01' is not a date of the form YYYY-MM-DD");
    }

    @Test
    void aMissingInputFileIsAUsageError() {
        Path missing = dir.resolve("missing.csv");

        assertThat(cli.execute("run", "--input", missing.toString())).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).containsExactly("error: input file not found: " + missing);
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aHistoryLimitBelowOneIsAUsageError() {
        assertThat(cli.execute("history", "--limit", "0")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).containsExactly("error: --limit must be at least 1, got 0");
    }

    @Test
    void runWithoutApiKeyOrSandboxIsAConfigurationError() throws Exception {
        assumeTrue(System.getenv("FILEMAIL_API_KEY") == null,
                "FILEMAIL_API_KEY is set in this environment, so the run would find an API key");
        Path input = csv();

        assertThat(cli.execute("run", "--input", input.toString())).isEqualTo(ExitCodes.CONFIG);

        assertThat(cli.errLines()).containsExactly("error: no Filemail API key: set FILEMAIL_API_KEY "
                + "(or filemail.api-key), or add --sandbox to run against the embedded stand-in");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aWorkerTakesNoSandboxAndSaysWhenRabbitMqCannotBeReached() throws Exception {
        assertThat(cli.execute("worker", "--sandbox")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.errLines().get(0)).startsWith("error: worker takes no --sandbox: it works for the runs of a "
                + "manager");

        cli.resetErr();
        // Port 9 of loopback (discard) answers no AMQP: nothing else on the machine is touched.
        assertThat(cli.execute("worker", "--filemail.api-key=key-of-this-test", "--spring.rabbitmq.port=9"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(cli.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("error: cannot reach RabbitMQ at localhost:9/").contains("SPRING_RABBITMQ_HOST"));
    }

    @Test
    void anUnusableDatabaseUrlIsAConfigurationError() {
        System.setProperty("spring.datasource.url", "jdbc:nosuchdb:whatever");

        assertThat(cli.execute("history")).isEqualTo(ExitCodes.CONFIG);

        assertThat(cli.errLines()).hasSize(1).first().asString().startsWith("error: cannot start: ");
    }

    @Test
    void historyOfAnEmptyDatabaseSaysSo() {
        assertThat(cli.execute("history")).isZero();

        assertThat(cli.out()).isEqualTo("No runs recorded yet." + System.lineSeparator());
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void showOfAnUnknownRunIsAUsageError() {
        assertThat(cli.execute("show", "42")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).containsExactly("error: no run with execution id 42 (see: filemail-batch history)");
    }

    @Test
    void historyRefusesAnUnknownStatusOrABadDate() {
        assertThat(cli.execute("history", "--status", "DONE")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.errLines()).singleElement().asString().startsWith("error: --status 'DONE' is not a run status or "
                + "exit code; one of: ").contains("COMPLETED_WITH_PROBLEMS", "FAILED", "STOPPED");

        cli.resetErr();
        assertThat(cli.execute("history", "--since", "2026-13-01")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.errLines()).first().asString().contains("'2026-13-01' is not an ISO date or date-time such as "
                + "2026-11-01");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void purgeNeedsAnAgeItUnderstands() {
        assertThat(cli.execute("purge")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.errLines()).first().asString().contains("Missing required option: '--older-than=DURATION'");

        for (String bad : new String[] {"90x", "ninety days", "0d", "-P1D"}) {
            cli.resetErr();
            assertThat(cli.execute("purge", "--older-than=" + bad)).as(bad).isEqualTo(ExitCodes.USAGE);
            assertThat(cli.errLines()).first().asString().contains("'" + bad + "'");
        }
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void receiptsArePurgeProofAndARemovedOneIsNamed() throws Exception {
        Path input = csv();
        assertThat(cli.execute("run", "--input", input.toString(), "--run-date", "2026-11-20", "--sandbox")).isZero();

        cli.resetOut();
        assertThat(cli.execute("verify-receipts", "--sandbox")).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("1 receipts, chain intact" + System.lineSeparator());

        cli.resetOut();
        assertThat(cli.execute("history", "--sandbox", "--status", "completed", "--since", "2000-01-01")).isZero();
        assertThat(cli.out()).containsPattern("(?m)^1 +sendTransfersJob +COMPLETED ");

        cli.resetOut();
        assertThat(cli.execute("purge", "--sandbox", "--older-than", "90d", "--dry-run")).isZero();
        assertThat(cli.out()).startsWith("Dry run, nothing deleted. A purge would delete, older than ")
                .containsPattern("(?m)^  BATCH_JOB_EXECUTION +0$").containsPattern("(?m)^  transfer_ledger +0$");

        Files.move(dir.resolve("reports/sandbox/run-1.json"), dir.resolve("moved.json"));
        cli.resetErr();
        assertThat(cli.execute("verify-receipts", "--sandbox")).isEqualTo(ExitCodes.RECEIPTS_BROKEN);
        assertThat(cli.errLines()).last().asString().startsWith("error: run-1.json (execution 1, receipt 1) was removed");

        Files.createDirectories(dir.resolve("elsewhere"));
        Files.move(dir.resolve("moved.json"), dir.resolve("elsewhere/run-1.json"));
        cli.resetOut();
        assertThat(cli.execute("verify-receipts", "--sandbox", "--dir", dir.resolve("elsewhere").toString())).isZero();
        assertThat(cli.out()).isEqualTo("1 receipts, chain intact" + System.lineSeparator());
    }

    @Test
    void sandboxFaultsNeedTheSandboxAndSaneShares() throws Exception {
        Path input = csv();

        assertThat(cli.execute("run", "--input", input.toString(), "--sandbox-faults", "0.3")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.errLines()).containsExactly("error: --sandbox-faults and --sandbox-latency need --sandbox");

        cli.resetErr();
        assertThat(cli.execute("run", "--input", input.toString(), "--sandbox", "--sandbox-faults", "lots"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.errLines()).first().isEqualTo("error: Invalid value for option '--sandbox-faults': 'lots' is not "
                + "SHARE or SHARE,LOST with numbers from 0 to 1, such as 0.3 or 0.2,0.1");
    }

    @Test
    void theStandInsOptionsAreOnlyOnCommandsThatCallFilemail() {
        for (String command : new String[] {"run", "cleanup", "serve", "dashboard"}) {
            cli.resetOut();
            assertThat(cli.execute(command, "--help")).isZero();
            assertThat(cli.out()).as(command).contains("--sandbox", "--sandbox-faults", "--sandbox-latency");
        }
        for (String command : new String[] {"history", "show", "purge", "verify-receipts", "recover", "check",
                "notifications", "rotate-key"}) {
            cli.resetOut();
            assertThat(cli.execute(command, "--help")).isZero();
            assertThat(cli.out()).as(command).contains("--sandbox").doesNotContain("--sandbox-faults", "--sandbox-latency");
        }
        assertThat(cli.execute("history", "--sandbox", "--sandbox-faults", "0.3")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.errLines()).first().isEqualTo("error: Unknown options: '--sandbox-faults', '0.3'");
    }

    @Test
    void aCommandThatDoesNotCallFilemailUsesTheSandboxDatabaseWithoutTheStandIn() throws Exception {
        assertThat(cli.execute("run", "--input", csv().toString(), "--run-date", "2026-11-20", "--sandbox")).isZero();
        assertThat(cli.err()).contains("SANDBOX: using the embedded Filemail stand-in at http://127.0.0.1:");

        cli.resetOut();
        cli.resetErr();
        assertThat(cli.execute("history", "--sandbox")).isZero();

        assertThat(cli.out()).containsPattern("(?m)^1 +sendTransfersJob +COMPLETED ");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void aSpringPropertyOnTheCommandLineTakesEffect() throws Exception {
        Path reports = dir.resolve("elsewhere");

        int exit = cli.execute("run", "--input", csv().toString(), "--run-date", "2026-11-20", "--sandbox",
                "--filemail.reports-dir=" + reports);

        assertThat(exit).as(cli.err()).isZero();
        assertThat(reports.resolve("sandbox/run-1.json")).isRegularFile();
        assertThat(dir.resolve("reports/sandbox/run-1.json")).doesNotExist();
        cli.resetOut();
        assertThat(cli.execute("verify-receipts", "--sandbox", "--filemail.reports-dir=" + reports)).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("1 receipts, chain intact" + System.lineSeparator());
        cli.resetOut();
        assertThat(cli.execute("show", "--filemail.reports-dir=" + reports, "1", "--sandbox")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("CLI-1");
    }

    @Test
    void aMalformedSpringPropertyIsAUsageErrorThatSaysHowToSetOne() {
        assertThat(cli.execute("history", "--filemail.reports-dir")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).containsExactly("error: '--filemail.reports-dir' is not a property setting of the "
                + "form --name.with.dots=value (such as --filemail.reports-dir=/srv/reports); a property can also be "
                + "set as an environment variable (FILEMAIL_REPORTS_DIR=...) or with java -Dfilemail.reports-dir=... "
                + "-jar", "Try: filemail-batch history --help");
        assertThat(dir.resolve("data")).doesNotExist();

        cli.resetErr();
        assertThat(cli.execute("history", "--limit=3", "--nodots=1")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.errLines()).first().isEqualTo("error: Unknown option: '--nodots=1'");
    }

    @Test
    void aRunWithRejectionsShowsTheFirstFiveReasons() throws Exception {
        StringBuilder rows = new StringBuilder("reference,subject,to\r\nOK-1,Hello,ann@example.com\r\n");
        for (int i = 1; i <= 7; i++) {
            rows.append("BAD-").append(i).append(",Hello,not-an-email-").append(i).append("\r\n");
        }
        Path input = Files.writeString(dir.resolve("rejections.csv"), rows);

        assertThat(cli.execute("run", "--input", input.toString(), "--run-date", "2026-11-20", "--sandbox"))
                .isEqualTo(ExitCodes.COMPLETED_WITH_PROBLEMS);

        List<String> lines = cli.out().lines().toList();
        int file = lines.indexOf("  rejected rows: " + dir.resolve("reports/sandbox/run-1-rejected.csv"));
        assertThat(file).as(lines.toString()).isNotNegative();
        assertThat(lines.subList(file + 1, file + 7)).containsExactly(
                "    line 3, column to: 'not-an-email-1' is not an e-mail address",
                "    line 4, column to: 'not-an-email-2' is not an e-mail address",
                "    line 5, column to: 'not-an-email-3' is not an e-mail address",
                "    line 6, column to: 'not-an-email-4' is not an e-mail address",
                "    line 7, column to: 'not-an-email-5' is not an e-mail address",
                "    ... and 2 more in the file");
    }

    @Test
    void runJsonPrintsTheSummaryAsJsonAndTheLinesForPeopleOnStandardError() throws Exception {
        int exit = cli.execute("run", "--input", csv().toString(), "--run-date", "2026-11-20", "--sandbox", "--json");

        assertThat(exit).as(cli.err()).isZero();
        tools.jackson.databind.JsonNode answer = new tools.jackson.databind.json.JsonMapper().readTree(cli.out());
        assertThat(answer.get("exitCode").asInt()).isZero();
        assertThat(answer.get("runs")).hasSize(1);
        tools.jackson.databind.JsonNode run = answer.get("runs").get(0);
        assertThat(run.get("executionId").asLong()).isEqualTo(1);
        assertThat(run.get("outcome").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("summary").get("rowsRead").asLong()).isEqualTo(1);
        assertThat(run.get("summary").get("initialized").asLong()).isEqualTo(1);
        assertThat(cli.err()).contains("SANDBOX: ", "Run 1 of sendTransfersJob finished.", "  initialized ");

        cli.resetOut();
        cli.resetErr();
        assertThat(cli.execute("run", "--input", csv().toString(), "--run-date", "2026-11-20", "--sandbox", "--json"))
                .isZero();
        run = new tools.jackson.databind.json.JsonMapper().readTree(cli.out()).get("runs").get(0);
        assertThat(run.get("executionId").asLong()).isEqualTo(1);
        assertThat(run.get("summary").isNull()).isTrue();
        assertThat(cli.err()).contains("already completed (execution 1, ended ");
    }

    @Test
    void cleanupPurgeAndVerifyReceiptsAnswerInJsonToo() throws Exception {
        assertThat(cli.execute("run", "--input", csv().toString(), "--run-date", "2026-11-20", "--sandbox")).isZero();
        tools.jackson.databind.json.JsonMapper mapper = new tools.jackson.databind.json.JsonMapper();

        cli.resetOut();
        cli.resetErr();
        assertThat(cli.execute("cleanup", "--sandbox", "--stale-after", "0s", "--json")).as(cli.err()).isZero();
        tools.jackson.databind.JsonNode cleanup = mapper.readTree(cli.out());
        assertThat(cleanup.get("exitCode").asInt()).isZero();
        assertThat(cleanup.get("runs").get(0).get("executionId").asLong()).isEqualTo(2);
        assertThat(cleanup.get("runs").get(0).get("summary").get("jobName").asString())
                .isEqualTo("cleanupStaleTransfersJob");
        assertThat(cli.err()).contains("Run 2 of cleanupStaleTransfersJob finished.");

        cli.resetOut();
        cli.resetErr();
        assertThat(cli.execute("verify-receipts", "--sandbox", "--json")).isZero();
        tools.jackson.databind.JsonNode receipts = mapper.readTree(cli.out());
        assertThat(receipts.get("receipts").asLong()).isEqualTo(2);
        assertThat(receipts.get("intact").asBoolean()).isTrue();
        assertThat(receipts.get("problems")).isEmpty();
        assertThat(cli.errLines()).containsExactly("2 receipts, chain intact");

        cli.resetOut();
        cli.resetErr();
        assertThat(cli.execute("purge", "--sandbox", "--older-than", "90d", "--dry-run", "--json")).isZero();
        tools.jackson.databind.JsonNode purge = mapper.readTree(cli.out());
        assertThat(purge.get("dryRun").asBoolean()).isTrue();
        assertThat(purge.get("cutoff").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(purge.get("deleted").get("transfer_ledger").asLong()).isZero();
        assertThat(cli.err()).startsWith("Dry run, nothing deleted.");
    }

    @Test
    void aSandboxRunWithFaultsStillSendsEveryRowOnce() throws Exception {
        Path input = csv();

        int exit = cli.execute("run", "--input", input.toString(), "--run-date", "2026-11-26", "--sandbox",
                "--sandbox-faults", "0.3,0.2");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.err()).contains("injecting faults: 30% transient, 20% of initialize answers dropped");
    }

    @Test
    void benchRunsTheJobAndTheBaselineAndWritesTheFigures() throws Exception {
        Path result = dir.resolve("bench.json");

        int exit = cli.execute("bench", "--rows", "40", "--warmup-rows", "20", "--latency-ms", "1", "--concurrency", "4",
                "--memory-rows", "10", "--upload-mb", "1", "--upload-passes", "3", "--cold-passes", "2", "--out",
                result.toString());

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("job (initialize step)", "baseline (plain client)", "ceiling (C / L)");
        tools.jackson.databind.JsonNode figures = new tools.jackson.databind.json.JsonMapper().readTree(
                result.toFile());
        assertThat(figures.get("rows").asInt()).isEqualTo(40);
        assertThat(figures.get("concurrency").asInt()).isEqualTo(4);
        assertThat(figures.get("ceiling_rows_per_s").asDouble()).isEqualTo(4000.0);
        assertThat(figures.get("job_rows_per_s").asDouble()).isPositive();
        assertThat(figures.get("baseline_rows_per_s").asDouble()).isPositive();
        assertThat(figures.get("job_cpu_ms_per_row").asDouble()).isPositive();
        // Each side ran 20 rows first, unmeasured; their rates are there for reference.
        assertThat(figures.get("warmup_rows").asInt()).isEqualTo(20);
        assertThat(figures.get("warmup_job_rows_per_s").asDouble()).isPositive();
        assertThat(figures.get("warmup_baseline_rows_per_s").asDouble()).isPositive();
        assertThat(cli.out()).contains("warm-up pass", "upload passes, MB/s: job ");
        // Before that, each side's cold passes over the same 20 rows, two of each, each in a child JVM of its own
        // with the options the launcher gives run, against the warmed-up sandbox; the figures are their medians.
        assertThat(figures.get("cold_passes").asInt()).isEqualTo(2);
        for (String side : List.of("job", "baseline")) {
            tools.jackson.databind.JsonNode passes = figures.get("cold_" + side + "_passes_rows_per_s");
            assertThat(passes).as(side).hasSize(2);
            assertThat(passes.get(0).asDouble()).as(side).isPositive();
            assertThat(passes.get(1).asDouble()).as(side).isPositive();
            assertThat(figures.get("cold_" + side + "_rows_per_s").asDouble()).as(side)
                    .isCloseTo((passes.get(0).asDouble() + passes.get(1).asDouble()) / 2, within(1e-9));
            assertThat(figures.get("cold_" + side + "_cpu_ms_per_row").asDouble()).as(side).isPositive();
        }
        assertThat(cli.out()).contains("cold pass, job", "cold pass, plain client", "cold job / plain client",
                "JVM options: -XX:TieredStopAtLevel=1", "2 of each", "median of 2: ");
        // The memory figures come from two real `run` commands in child JVMs, of 10 and 100 rows.
        assertThat(figures.get("memory_rows_n").asInt()).isEqualTo(10);
        assertThat(figures.get("heap_peak_mb_n").asDouble()).isPositive();
        assertThat(figures.get("heap_peak_mb_10n").asDouble()).isPositive();
        assertThat(figures.get("rss_peak_mb_10n").asDouble()).isPositive();
        assertThat(cli.out()).contains("heap after GC, peak");
        // The upload figures: the job delivered a 1 MiB file three times (the bench checks the sandbox got every
        // byte), the plain client posted it three times, after two warm-up passes of each; the figures are medians.
        assertThat(figures.get("upload_passes").asInt()).isEqualTo(3);
        assertThat(figures.get("upload_sandbox_stores").asBoolean()).isFalse();
        assertThat(figures.get("upload_job_passes_mb_s")).hasSize(3);
        assertThat(figures.get("upload_baseline_passes_mb_s")).hasSize(3);
        double[] jobPasses = java.util.stream.StreamSupport.stream(figures.get("upload_job_passes_mb_s").spliterator(),
                false).mapToDouble(tools.jackson.databind.JsonNode::asDouble).sorted().toArray();
        assertThat(figures.get("upload_job_mb_s").asDouble()).isEqualTo(jobPasses[1]);
        assertThat(figures.get("upload_job_mb_s").isNumber()).isTrue();
        assertThat(figures.get("upload_job_mb_s").asDouble()).isPositive();
        assertThat(figures.get("upload_baseline_mb_s").isNumber()).isTrue();
        assertThat(figures.get("upload_baseline_mb_s").asDouble()).isPositive();
        assertThat(figures.get("upload_job_cpu_ms_per_mb").asDouble()).isPositive();
        assertThat(cli.out()).contains("job (upload step)", "upload job / baseline");
    }

    @Test
    void aRunCompactsItsH2FileAsItExitsWhenTheFileIsMostlyWaste() throws Exception {
        // Off by default; at 0 MB this small run's file qualifies as soon as most of it is waste.
        System.setProperty("filemail.h2-compact-min-mb", "0");
        try {
            int exit = cli.execute("run", "--input", csv().toString(), "--run-date", "2026-11-25", "--sandbox");

            assertThat(exit).as(cli.err()).isZero();
            assertThat(cli.err()).contains("compacting the database (", "% of it live data)...", "database compacted to ");
            cli.resetOut();
            cli.resetErr();
            assertThat(cli.execute("show", "1", "--sandbox")).as(cli.err()).isZero();
            assertThat(cli.out()).contains("CLI-1");

            System.setProperty("filemail.h2-compact-min-mb", "-1");
            cli.resetErr();
            assertThat(cli.execute("run", "--input", csv().toString(), "--run-date", "2026-11-26", "--sandbox"))
                    .as(cli.err()).isZero();
            assertThat(cli.err()).doesNotContain("compact");
        } finally {
            System.clearProperty("filemail.h2-compact-min-mb");
        }
    }

    @Test
    void aSandboxRunPrintsTheBannerAndItsSummary() throws Exception {
        Path input = csv();

        int exit = cli.execute("run", "--input", input.toString(), "--run-date", "2026-11-25", "--sandbox");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.err()).contains("SANDBOX").doesNotContain("compact");
        assertThat(dir.resolve("reports").resolve("sandbox").resolve("run-1.json")).isRegularFile();

        cli.resetOut();
        assertThat(cli.execute("run", "--input", input.toString(), "--run-date", "2026-11-25", "--sandbox")).isZero();
        assertThat(cli.out()).contains("already completed (execution 1, ended ");
    }

    @Test
    void cleanupReferenceCancelsThatOneTransferWhateverItsAge() throws Exception {
        Path input = csv();
        assertThat(cli.execute("run", "--input", input.toString(), "--run-date", "2026-11-20", "--sandbox")).isZero();
        cli.resetOut();

        assertThat(cli.execute("cleanup", "--reference", "NOT-THERE", "--sandbox")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("error: no transfer of reference 'NOT-THERE' is recorded");
        assertThat(cli.execute("cleanup", "--reference", "CLI-1", "--sandbox")).as(cli.err()).isZero();
        cli.resetErr();
        assertThat(cli.execute("cleanup", "--reference", "CLI-1", "--sandbox")).isEqualTo(ExitCodes.USAGE);
        // Handled by the first: each command starts a stand-in of its own, which has never seen the transfer and
        // answers that it is gone, so the row became EXPIRED.
        assertThat(cli.err()).contains("error: the transfer of reference 'CLI-1' is EXPIRED: only an INITIALIZED or "
                + "UPLOADING transfer can be cancelled");
    }

    @Test
    void aBandwidthCapTooLowForTheUploadsInFlightIsRefusedAtStart() throws Exception {
        Path input = csv();
        System.setProperty("filemail.upload.max-bytes-per-second", "1KB");
        try {
            assertThat(cli.execute("run", "--input", input.toString(), "--sandbox")).isEqualTo(ExitCodes.CONFIG);
        } finally {
            System.clearProperty("filemail.upload.max-bytes-per-second");
        }
        assertThat(cli.err()).contains("filemail.upload.max-bytes-per-second 1024 B/s is too low for 16 uploads at once "
                + "(filemail.concurrency x filemail.upload.parallel-files) of 20971520-byte chunks");
    }

    private Path csv() throws Exception {
        Path input = dir.resolve("input.csv");
        Files.writeString(input, "reference,subject,to\r\nCLI-1,Hello,ann@example.com\r\n");
        return input;
    }

}
