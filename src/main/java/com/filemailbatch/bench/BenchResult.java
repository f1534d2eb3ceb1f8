package com.filemailbatch.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The figures of one benchmark run, with the key names scripts read. Figures not measured by this version are null.
 */
public record BenchResult(
        int rows,
        @JsonProperty("latency_ms") long latencyMs,
        int concurrency,
        @JsonProperty("job_rows_per_s") double jobRowsPerS,
        @JsonProperty("baseline_rows_per_s") double baselineRowsPerS,
        @JsonProperty("ceiling_rows_per_s") double ceilingRowsPerS,
        @JsonProperty("heap_peak_mb_n") Double heapPeakMbN,
        @JsonProperty("heap_peak_mb_10n") Double heapPeakMb10n,
        @JsonProperty("upload_job_mb_s") Double uploadJobMbS,
        @JsonProperty("upload_baseline_mb_s") Double uploadBaselineMbS) {
}
