package com.filemailbatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    @Test
    void theMedianTakesRatesAndCpuEachOnItsOwnAndIgnoresOneSlowPass() {
        Throughput median = Throughput.median(List.of(new Throughput(900, 1.5), new Throughput(300, 4.0),
                new Throughput(1000, 1.4)));

        assertThat(median.rowsPerS()).isEqualTo(900);
        assertThat(median.cpuMsPerRow()).isEqualTo(1.5);
    }

    @Test
    void anEvenCountTakesTheMeanOfTheMiddleTwo() {
        Throughput median = Throughput.median(List.of(new Throughput(400, 2), new Throughput(100, 8),
                new Throughput(200, 4), new Throughput(800, 1)));

        assertThat(median.rowsPerS()).isEqualTo(300);
        assertThat(median.cpuMsPerRow()).isEqualTo(3);
        assertThat(Throughput.rates(List.of(new Throughput(2, 0), new Throughput(1, 0)))).containsExactly(2.0, 1.0);
    }

    @Test
    void noPassesIsAnError() {
        assertThatThrownBy(() -> Throughput.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
