package com.filemailbatch.bench;

import com.filemailbatch.FilemailBatchApplication;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's speed on a long-lived installation's data: the dataset is written into a new database in the work
 * directory (migrated by the application as any first start does), then the application starts on it with its web
 * server on a free loopback port, as {@code dashboard} starts it, and its pages are timed over HTTP. A page that
 * does not exist (yet) is reported with its status, not as a failure.
 */
final class DashboardBenchmark {

    private DashboardBenchmark() {
    }

    static DashboardFigures run(DashboardSettings settings, Path workDir, PrintStream stdout) throws Exception {
        Path data = workDir.resolve("data");
        DashboardDataset.Built built;
        try (ConfigurableApplicationContext context = start(workDir, data, List.of())) {
            built = new DashboardDataset(context.getBean(JdbcTemplate.class), stdout).fill(settings.size());
        }
        List<String> paths = List.of("/runs", "/runs?status=FAILED", "/runs/" + built.middleExecutionId(),
                "/transfers?reference=" + built.middleReference());
        stdout.printf(Locale.ROOT, "  dashboard: starting the web server on the dataset, then %d warm-up and %d "
                + "measured GETs of each page...%n", settings.warmup(), settings.requests());
        try (ConfigurableApplicationContext context = start(workDir, data, List.of(
                "--spring.main.web-application-type=servlet", "--server.address=127.0.0.1", "--server.port=0"))) {
            URI base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
            CompilerQuiet.await();
            List<PageTiming.Page> pages = new PageTiming(base, settings.warmup(), settings.requests()).measure(paths);
            return new DashboardFigures(settings.executions(), settings.ledgerRows(), built.journalRows(),
                    built.took().toNanos() / 1e9, settings.warmup(), settings.requests(), pages);
        }
    }

    static void print(DashboardFigures figures, PrintStream stdout) {
        stdout.printf(Locale.ROOT, "  %-24s %,d runs, %,d ledger rows, %,d journal lines (written in %.1f s); "
                + "median and p95 of %d GETs after %d warm-up%n", "dashboard", figures.executions(),
                figures.ledgerRows(), figures.journalRows(), figures.datasetBuildS(), figures.requests(),
                figures.warmupRequests());
        for (PageTiming.Page page : figures.pages()) {
            String app = page.appMedianMs() == null ? "app: no Server-Timing"
                    : String.format(Locale.ROOT, "app %8.2f / %8.2f ms", page.appMedianMs(), page.appP95Ms());
            stdout.printf(Locale.ROOT, "    %-40s HTTP %-8s %s   client %8.2f / %8.2f ms%n", page.path(),
                    statuses(page.statuses()), app, page.clientMedianMs(), page.clientP95Ms());
        }
    }

    private static String statuses(Map<Integer, Integer> statuses) {
        return statuses.size() == 1 ? String.valueOf(statuses.keySet().iterator().next())
                : statuses.entrySet().stream().map(e -> e.getKey() + "x" + e.getValue())
                        .collect(Collectors.joining(","));
    }

    private static ConfigurableApplicationContext start(Path workDir, Path data, List<String> web) {
        List<String> arguments = new ArrayList<>(List.of("--filemail.data-dir=" + data,
                "--filemail.reports-dir=" + workDir.resolve("reports"),
                "--spring.datasource.url=jdbc:h2:file:" + data.toAbsolutePath().resolve("filemail-batch")
                        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"));
        arguments.addAll(web);
        return new SpringApplicationBuilder(FilemailBatchApplication.class).logStartupInfo(false)
                .run(arguments.toArray(String[]::new));
    }
}
