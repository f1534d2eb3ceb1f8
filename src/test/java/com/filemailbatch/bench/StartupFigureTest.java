package com.filemailbatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupFigureTest {

    @Test
    void wallAndCpuTakeTheirMediansEachOnItsOwnAndKeepEveryStartInOrder() {
        StartupFigure figure = StartupFigure.of("java -jar", "history", List.of(4.0, 9.5, 3.5),
                List.of(7.0, 7.5, 6.0));

        assertThat(figure.wallSMedian()).isEqualTo(4.0);
        assertThat(figure.cpuSMedian()).isEqualTo(7.0);
        assertThat(figure.wallS()).containsExactly(4.0, 9.5, 3.5);
        assertThat(figure.cell()).isEqualTo("4.00 s (CPU 7.00 s)");
    }

    @Test
    void anEvenCountTakesTheMeanOfTheMiddleTwoAndAnUnknownCpuTimeIsShownAsSuch() {
        StartupFigure figure = StartupFigure.of("bin/filemail-batch", "--help", List.of(0.4, 0.2, 0.3, 0.9),
                Arrays.asList(0.5, null, 0.4, 0.6));

        assertThat(figure.wallSMedian()).isEqualTo(0.35, offset(1e-9));
        assertThat(figure.cpuSMedian()).isNull();
        assertThat(figure.cell()).isEqualTo("0.35 s (CPU n/a)");
    }

    @Test
    void noStartOrUnmatchedTimesAreAnError() {
        assertThatThrownBy(() -> StartupFigure.of("a", "b", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StartupFigure.of("a", "b", List.of(1.0), List.of(1.0, 2.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTableHasALinePerStartAColumnPerCommandAndComparesHistoryWithTheBareApplicationOfItsLayout() {
        List<StartupFigure> figures = List.of(
                StartupFigure.of("java -jar x.jar", "--help", List.of(0.6), List.of(1.0)),
                StartupFigure.of("java -jar x.jar", "history", List.of(4.0), List.of(8.0)),
                StartupFigure.of("java -jar x.jar", "bare Boot app", List.of(5.0), List.of(10.0)),
                StartupFigure.of("bin/filemail-batch", "history", List.of(3.0), List.of(6.0)),
                StartupFigure.of("bin/filemail-batch", "run --sandbox", List.of(6.0), List.of(9.0)),
                StartupFigure.of("bin/filemail-batch", "bare Boot app", List.of(4.0), List.of(6.0)),
                StartupFigure.of("bin/filemail-batch, AOT cache", "history", List.of(2.0), List.of(3.0)));

        String[] lines = StartupBenchmark.table(figures).split(System.lineSeparator());

        assertThat(lines[0]).startsWith("start").contains("--help", "history", "run --sandbox", "bare Boot app");
        assertThat(lines[1]).startsWith("java -jar x.jar").contains("0.60 s (CPU 1.00 s)", "4.00 s (CPU 8.00 s)",
                "5.00 s (CPU 10.00 s)").containsPattern("8\\.00 s\\) +- +5\\.00");
        assertThat(lines[2]).startsWith("bin/filemail-batch ").contains("6.00 s (CPU 9.00 s)");
        assertThat(lines[3]).startsWith("bin/filemail-batch, AOT cache").contains("2.00 s (CPU 3.00 s)");
        assertThat(lines).contains("  java -jar x.jar: history / bare Boot app 0.80 wall, 0.80 CPU",
                "  bin/filemail-batch: history / bare Boot app 0.75 wall, 1.00 CPU",
                "  bin/filemail-batch, AOT cache: history / bare Boot app 0.50 wall, 0.50 CPU");
    }

    @Test
    void theChildrenCpuTimeGrowsWithAChildThatWorked() throws Exception {
        long before = StartupBenchmark.childrenCpuTicks();
        assumeTrue(before >= 0, "no /proc here");
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done").start();
        assertThat(child.waitFor()).isZero();

        assertThat(StartupBenchmark.childrenCpuTicks()).isGreaterThan(before);
    }
}
