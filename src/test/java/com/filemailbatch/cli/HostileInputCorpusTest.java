package com.filemailbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.SandboxOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input corpus: every case under {@code src/test/resources/hostile/<case>/} is run through the real
 * command line, in a data directory of its own, against the sandbox when its arguments say so. Each case names
 * what it throws at the tool and what must come out; the runner checks for every case that nothing leaks and no
 * stack trace reaches the user.
 *
 * <p>A case is a directory holding {@code case.properties} and the files it needs (copied to a working directory
 * first). Keys:
 * <ul>
 * <li>{@code about}: one line, what the hostile input is;</li>
 * <li>{@code args}: the command line, split on spaces; {@code {dir}} stands for the working directory;</li>
 * <li>{@code exit}: the exit code expected;</li>
 * <li>{@code shows}: text that must appear on standard output or error, or in the run's rejected rows (the line
 *     that explains);</li>
 * <li>{@code hides} (optional): texts, separated by {@code |}, that must appear in no output, log or report
 *     (a row's password, the content of a file that must not be echoed);</li>
 * <li>{@code transfers} (optional): the number of ledger rows that must hold a transfer afterwards (nothing
 *     lost, nothing sent twice);</li>
 * <li>{@code setup} (optional): conditions a file cannot carry, separated by {@code |}:
 *     {@code symlink:LINK=TARGET} (TARGET relative to the working directory unless absolute),
 *     {@code fifo:NAME}, {@code file:NAME=SIZE} (a file of SIZE zero bytes);
 *     {@code run:ARGS} (a command run first, in the case's data directory and before its {@code property.*}
 *     settings apply; it must exit 0 or 3), {@code delete:PATH} (PATH relative to the directory holding the
 *     case's {@code work}, {@code data} and {@code reports}: {@code delete:data/sandbox/master.key}). Steps run
 *     in the order given;</li>
 * <li>{@code property.NAME} (optional): a setting for this case only (for example a log level);
 *     {@code {dir}} stands for the working directory.</li>
 * </ul>
 * Always checked: the sandbox's API key and every transfer key it issued (UUIDs) appear in no output, log or
 * report; no Java stack trace on standard output or error.
 */
class HostileInputCorpusTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "hostile");
    private static final Pattern TRANSFER_KEY = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(|Exception in thread");

    @TempDir
    Path root;

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheCorpus() throws IOException {
        List<Path> cases;
        try (Stream<Path> entries = Files.list(CORPUS)) {
            cases = entries.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).as("the corpus under " + CORPUS).isNotEmpty();
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run(dir)));
    }

    private void run(Path caseDir) throws Exception {
        Properties spec = new Properties();
        try (InputStream in = Files.newInputStream(caseDir.resolve("case.properties"))) {
            spec.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String name = caseDir.getFileName().toString();
        assertThat(spec.getProperty("about")).as(name + ": about").isNotBlank();
        Path dir = Files.createDirectories(root.resolve(name));
        Path work = Files.createDirectories(dir.resolve("work"));
        copy(caseDir, work);

        CommandLineSession own = new CommandLineSession();
        own.use(dir, "");
        try {
            setup(spec.getProperty("setup", ""), work);
        } catch (Exception | AssertionError e) {
            own.restore();
            throw e;
        }
        Map<String, String> saved = new HashMap<>();
        spec.stringPropertyNames().stream().filter(key -> key.startsWith("property.")).forEach(key -> {
            String property = key.substring("property.".length());
            saved.put(property, System.getProperty(property));
            System.setProperty(property, spec.getProperty(key).replace("{dir}", work.toString()));
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int exit;
        try {
            String[] args = Arrays.stream(spec.getProperty("args").trim().split(" +"))
                    .map(arg -> arg.replace("{dir}", work.toString())).toArray(String[]::new);
            PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8);
            // The run's summary and progress go to the process's own streams, as they do from a terminal.
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            exit = FilemailBatchCli.execute(args, capturedOut, capturedErr);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            own.restore();
            saved.forEach((property, value) -> {
                if (value == null) {
                    System.clearProperty(property);
                } else {
                    System.setProperty(property, value);
                }
            });
        }
        String shown = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        String about = name + " (" + spec.getProperty("about") + "), it printed:\n" + shown;

        assertThat(exit).as(about).isEqualTo(Integer.parseInt(spec.getProperty("exit").trim()));
        String rejected = String.join("\n", filesUnder(dir.resolve("reports"), "-rejected.csv").stream()
                .map(HostileInputCorpusTest::read).toList());
        assertThat(shown + rejected).as(about + "\nand its rejected rows:\n" + rejected)
                .contains(spec.getProperty("shows"));
        assertThat(STACK_TRACE.matcher(shown).find()).as("a stack trace reached the user: " + about).isFalse();

        Map<String, String> written = new HashMap<>();
        written.put("standard output and error", shown);
        for (Path file : filesUnder(dir.resolve("data"), ".log")) {
            written.put(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
        }
        for (Path file : filesUnder(dir.resolve("reports"), "")) {
            written.put(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
        }
        List<String> hidden = new ArrayList<>(List.of(SandboxOptions.DEFAULT_API_KEY));
        String hides = spec.getProperty("hides");
        if (hides != null && !hides.isBlank()) {
            hidden.addAll(Arrays.asList(hides.split("\\|")));
        }
        written.forEach((where, text) -> {
            for (String secret : hidden) {
                assertThat(text).as(name + ": '" + secret + "' in " + where).doesNotContain(secret);
            }
            java.util.regex.Matcher key = TRANSFER_KEY.matcher(text);
            if (key.find()) {
                int from = text.lastIndexOf('\n', key.start()) + 1;
                int to = text.indexOf('\n', key.end());
                throw new AssertionError(name + ": a transfer key in " + where + ": "
                        + text.substring(from, to < 0 ? text.length() : to));
            }
        });

        String transfers = spec.getProperty("transfers");
        if (transfers != null) {
            assertThat(transfersRecorded(dir)).as(name + ": ledger rows holding a transfer")
                    .isEqualTo(Long.parseLong(transfers.trim()));
        }
    }

    /** Rows of the ledger that hold a transfer, in whichever database the case used (the sandbox's, or its own). */
    private static long transfersRecorded(Path dir) throws SQLException {
        Path sandboxDb = dir.resolve("data").resolve("sandbox").resolve("filemail-batch.mv.db");
        String url = Files.exists(sandboxDb) ? "jdbc:h2:file:" + dir.resolve("data").resolve("sandbox")
                .resolve("filemail-batch") : "jdbc:h2:file:" + dir.resolve("data").resolve("db");
        try (Connection connection = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "");
                ResultSet count = connection.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM transfer_ledger WHERE transfer_id IS NOT NULL")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("case.properties")) {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void setup(String directives, Path work) throws IOException, InterruptedException {
        for (String directive : directives.split("\\|")) {
            String step = directive.trim();
            if (step.isEmpty()) {
                continue;
            }
            String kind = step.substring(0, step.indexOf(':'));
            String argument = step.substring(step.indexOf(':') + 1);
            switch (kind) {
                case "symlink" -> {
                    String[] parts = argument.split("=", 2);
                    Path target = Path.of(parts[1]);
                    Files.deleteIfExists(work.resolve(parts[0]));
                    Files.createSymbolicLink(work.resolve(parts[0]), target.isAbsolute() ? target
                            : work.resolve(target));
                }
                case "fifo" -> {
                    Process mkfifo = new ProcessBuilder("mkfifo", work.resolve(argument).toString()).start();
                    assertThat(mkfifo.waitFor()).as("mkfifo " + argument).isZero();
                }
                case "file" -> {
                    String[] parts = argument.split("=", 2);
                    Files.write(work.resolve(parts[0]), new byte[Integer.parseInt(parts[1])]);
                }
                case "run" -> {
                    String[] args = Arrays.stream(argument.trim().split(" +"))
                            .map(arg -> arg.replace("{dir}", work.toString())).toArray(String[]::new);
                    ByteArrayOutputStream output = new ByteArrayOutputStream();
                    PrintStream captured = new PrintStream(output, true, StandardCharsets.UTF_8);
                    PrintStream stdout = System.out;
                    PrintStream stderr = System.err;
                    int exit;
                    try {
                        System.setOut(captured);
                        System.setErr(captured);
                        exit = FilemailBatchCli.execute(args, captured, captured);
                    } finally {
                        System.setOut(stdout);
                        System.setErr(stderr);
                    }
                    assertThat(exit).as("setup " + step + ", it printed:\n" + output.toString(StandardCharsets.UTF_8))
                            .isIn(0, 3);
                }
                case "delete" -> Files.delete(work.getParent().resolve(argument));
                default -> throw new IllegalArgumentException("unknown setup step " + step);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> filesUnder(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(suffix)).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
