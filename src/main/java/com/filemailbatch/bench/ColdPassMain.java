package com.filemailbatch.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The entry point of a cold pass's child JVM ({@link ColdPasses}): one side's first pass in a JVM of its own, the
 * figure on the last line of its output. The API key comes by the environment ({@code FILEMAIL_API_KEY}), never by
 * the command line.
 *
 * <pre>job BASE_URL CSV CONCURRENCY WORK_DIR | baseline BASE_URL ROWS CONCURRENCY</pre>
 */
public final class ColdPassMain {

    static final String FIGURE = "cold-pass-figure ";

    private ColdPassMain() {
    }

    public static void main(String[] args) throws Exception {
        URI baseUrl = URI.create(args[1]);
        String apiKey = System.getenv("FILEMAIL_API_KEY");
        int concurrency = Integer.parseInt(args[3]);
        Throughput pass = switch (args[0]) {
            case "job" -> JobBenchmark.initialize(baseUrl, apiKey, Path.of(args[2]), concurrency, Path.of(args[4]));
            case "baseline" -> BaselineClient.initialize(baseUrl, apiKey, Integer.parseInt(args[2]), concurrency);
            default -> throw new IllegalArgumentException("no such side: " + args[0]);
        };
        System.out.println(String.format(Locale.ROOT, "%s%.3f %.4f", FIGURE, pass.rowsPerS(), pass.cpuMsPerRow()));
        System.exit(0);
    }
}
