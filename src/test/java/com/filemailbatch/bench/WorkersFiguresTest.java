package com.filemailbatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The arithmetic and the printed line of the workers figure: delivered bytes per second against k × cap. */
class WorkersFiguresTest {

    private static final long CAP = 4 * 1024 * 1024;

    @Test
    void aPassComparesTheDeliveredRateWithKTimesTheCap() {
        WorkersFigures.Pass pass = WorkersFigures.Pass.of(3, 12, 12, 12 * 16 * 1024 * 1024L, 17.0, CAP,
                Map.of("w1", 1L));

        assertThat(pass.deliveredBytesPerS()).isEqualTo(12 * 16 * 1024 * 1024 / 17.0);
        assertThat(pass.targetBytesPerS()).isEqualTo(3 * CAP);
        assertThat(pass.ratioToTarget()).isEqualTo(16 / 17.0 * 12 / 3 / 4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(pass.line()).isEqualTo("3 workers   12 files     201.3 MB in   17.00 s    11.84 MB/s of  12.58 "
                + "MB/s (0.94)");
        assertThat(WorkersFigures.Pass.of(1, 4, 4, 4 * CAP, 4.0, CAP, Map.of()).line())
                .isEqualTo("1 worker     4 files      16.8 MB in    4.00 s     4.19 MB/s of   4.19 MB/s (1.00)");
    }

    @Test
    void theJsonKeysAreTheOnesScriptsRead() {
        WorkersFigures figures = new WorkersFigures(CAP, 4, 16 * 1024 * 1024L, java.util.List.of(
                WorkersFigures.Pass.of(2, 8, 8, 8 * 16 * 1024 * 1024L, 16.5, CAP, Map.of("bench-worker-1", 5L))));

        JsonNode json = JsonMapper.builder().build().valueToTree(figures);

        assertThat(json.get("cap_bytes_per_s").asLong()).isEqualTo(CAP);
        assertThat(json.get("files_per_worker").asInt()).isEqualTo(4);
        assertThat(json.get("file_bytes").asLong()).isEqualTo(16 * 1024 * 1024L);
        JsonNode pass = json.get("passes").get(0);
        assertThat(pass.get("workers").asInt()).isEqualTo(2);
        assertThat(pass.get("transfers").asInt()).isEqualTo(8);
        assertThat(pass.get("partitions").asInt()).isEqualTo(8);
        assertThat(pass.get("upload_step_s").asDouble()).isEqualTo(16.5);
        assertThat(pass.get("target_bytes_per_s").asLong()).isEqualTo(2 * CAP);
        assertThat(pass.get("delivered_bytes_per_s").asDouble()).isPositive();
        assertThat(pass.get("ratio_to_target").asDouble()).isBetween(0.96, 0.98);
        assertThat(pass.at("/bytes_by_worker/bench-worker-1").asLong()).isEqualTo(5);
    }

    @Test
    void settingsRefuseWhatCannotBeMeasured() {
        assertThat(new WorkersSettings(3, CAP, 4, 16).fileBytes()).isEqualTo(16 * 1024 * 1024L);
        assertThatThrownBy(() -> new WorkersSettings(0, CAP, 4, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkersSettings(3, 0, 4, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkersSettings(9, CAP, 4, 16)).isInstanceOf(IllegalArgumentException.class);
    }
}
