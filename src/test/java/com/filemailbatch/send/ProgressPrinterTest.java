package com.filemailbatch.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void withoutATerminalPrintsAPlainLineAtMostEveryInterval() {
        ProgressPrinter printer = printer(false);

        printer.update(0, 1000, 0);
        advance(Duration.ofSeconds(5));
        printer.update(100, 1000, 0);
        advance(Duration.ofSeconds(6));
        printer.update(250, 1000, 0);
        advance(Duration.ofSeconds(2));
        printer.update(300, 1000, 0);

        assertThat(output()).isEqualTo("rows 250 of 1,000 (25%), 22.7 rows/s, time left 0m33s"
                + System.lineSeparator());
    }

    @Test
    void onATerminalRewritesOneLineAndEndsItWhenDone() {
        ProgressPrinter printer = printer(true);

        printer.update(0, 100, 0);
        advance(Duration.ofSeconds(10));
        printer.update(50, 100, 0);
        advance(Duration.ofSeconds(10));
        printer.finish(100, 100, 0);

        assertThat(output()).isEqualTo("\rrows 50 of 100 (50%), 5.0 rows/s, time left 0m10s"
                + "\rrows 100 of 100 (100%), 5.0 rows/s, time left -" + System.lineSeparator());
    }

    @Test
    void aRestartedRunCountsItsRateFromWhereItResumed() {
        assertThat(ProgressPrinter.line(600, 1000, 500, Duration.ofSeconds(10).toNanos(), 0))
                .isEqualTo("rows 600 of 1,000 (60%), 10.0 rows/s, time left 0m40s");
    }

    @Test
    void aShortRunPrintsNothing() {
        ProgressPrinter printer = printer(false);

        printer.update(0, 3, 0);
        printer.update(3, 3, 0);
        printer.finish(3, 3, 0);

        assertThat(output()).isEmpty();
    }

    private ProgressPrinter printer(boolean live) {
        return new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), live, Duration.ofSeconds(10),
                nanos::get);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
