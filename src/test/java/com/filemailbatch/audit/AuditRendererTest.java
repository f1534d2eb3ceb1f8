package com.filemailbatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of history and show: times are instants a script elsewhere can read, with the offset they were in. */
class AuditRendererTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void jsonTimesCarryTheOffsetOfThisMachineToTheMillisecond() {
        LocalDateTime started = LocalDateTime.of(2026, 11, 30, 13, 53, 57, 951_155_542);
        RunRecord run = new RunRecord(1, "sendTransfersJob", "COMPLETED", "COMPLETED", "", started, null, "in.csv",
                "2026-11-30", false, Map.of(), null, List.of());

        JsonNode json = mapper.readTree(new AuditRenderer(mapper).json(List.of(run))).get(0);

        String offset = started.atZone(ZoneId.systemDefault()).getOffset().getId();
        assertThat(json.get("startTime").asString()).isEqualTo("2026-11-30T13:53:57.951" + offset);
        assertThat(OffsetDateTime.parse(json.get("startTime").asString()).toInstant())
                .isEqualTo(started.withNano(951_000_000).atZone(ZoneId.systemDefault()).toInstant());
        assertThat(json.get("endTime").isNull()).isTrue();
    }

    @Test
    void partitionDurationsAreShortAndExact() {
        assertThat(AuditRenderer.duration(null)).isEqualTo("-");
        assertThat(AuditRenderer.duration(850L)).isEqualTo("850ms");
        assertThat(AuditRenderer.duration(42_349L)).isEqualTo("42.3s");
        assertThat(AuditRenderer.duration(90_250L)).isEqualTo("1m30s");
        assertThat(AuditRenderer.duration(3_727_000L)).isEqualTo("1h02m07s");
    }

    @Test
    void aPartitionsStepNameKeepsTheStepTableAligned() {
        RunRecord run = new RunRecord(7, "sendTransfersJob", "COMPLETED", "COMPLETED", null, null, null, "in.csv",
                "2026-11-30", false, Map.of(), null, List.of(new PartitionRecord("run7-p0", "w1", "ENDED",
                        "COMPLETED", 2, 2048, 1, null, null, 1500L)));
        List<StepRecord> steps = List.of(new StepRecord("uploadTransfersStep", "COMPLETED", 0, 0, 0, 0, 1, 0, null,
                null, "COMPLETED", null), new StepRecord("uploadPartitionStep:run7-p0", "COMPLETED", 2, 2, 0, 0, 1, 0,
                null, null, "COMPLETED", null));

        String text = new AuditRenderer(mapper).details(new RunDetails(run, Map.of(), steps, Map.of(), List.of(),
                List.of()));

        assertThat(text).contains("  uploadTransfersStep         COMPLETED ", "  uploadPartitionStep:run7-p0 COMPLETED ")
                .containsPattern("(?m)^  run7-p0 +w1 +ENDED +COMPLETED +2 +2,048 +1\\.5s +1$");
    }
}
