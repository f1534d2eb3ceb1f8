package com.filemailbatch.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The figures of one benchmark run, with the key names scripts read. Figures not measured by this version (or
 * skipped) are null. Heap figures are in MB from the measured child JVM's GC log: {@code heap_peak_mb_*} is the
 * highest heap use right after a collection (what the run holds on to), {@code heap_used_peak_mb_*} the highest
 * right before one (garbage included, so it follows the collector's sizing more than the job). Upload rates are in
 * MB/s (10^6 bytes), their CPU in ms of this process (the in-process sandbox included) per MB. The warm-up figures
 * are each side's unmeasured first pass over {@code warmup_rows} rows in this JVM (the JIT compiling as it goes),
 * for reference: the throughput figures are from the second pass. The cold figures ({@code cold_*}) are each side's
 * first pass over as many rows in a new JVM of its own (its CPU per row that JVM's own), or null without a warm-up:
 * the medians of {@code cold_passes} such passes of each side, which are listed in pass order.
 * {@code upload_job_mb_s} and {@code upload_baseline_mb_s} are the medians of each side's {@code upload_passes}
 * measured passes, which are listed in pass order; {@code upload_sandbox_stores} tells whether the sandbox wrote the
 * received bytes to disk.
 * {@code dashboard} holds the dashboard's page times ({@code bench --dashboard}), or is null; {@code workers} the
 * upload rates with 1, 2, … capped workers ({@code bench --workers}, {@link WorkersFigures}), or is null.
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
        @JsonProperty("upload_baseline_mb_s") Double uploadBaselineMbS,
        @JsonProperty("job_cpu_ms_per_row") double jobCpuMsPerRow,
        @JsonProperty("baseline_cpu_ms_per_row") double baselineCpuMsPerRow,
        @JsonProperty("memory_rows_n") Integer memoryRowsN,
        @JsonProperty("memory_max_heap_mb") Integer memoryMaxHeapMb,
        @JsonProperty("heap_used_peak_mb_n") Double heapUsedPeakMbN,
        @JsonProperty("heap_used_peak_mb_10n") Double heapUsedPeakMb10n,
        @JsonProperty("rss_peak_mb_n") Double rssPeakMbN,
        @JsonProperty("rss_peak_mb_10n") Double rssPeakMb10n,
        @JsonProperty("upload_job_cpu_ms_per_mb") Double uploadJobCpuMsPerMb,
        @JsonProperty("upload_baseline_cpu_ms_per_mb") Double uploadBaselineCpuMsPerMb,
        @JsonProperty("warmup_rows") int warmupRows,
        @JsonProperty("warmup_job_rows_per_s") Double warmupJobRowsPerS,
        @JsonProperty("warmup_baseline_rows_per_s") Double warmupBaselineRowsPerS,
        @JsonProperty("upload_passes") Integer uploadPasses,
        @JsonProperty("upload_sandbox_stores") Boolean uploadSandboxStores,
        @JsonProperty("upload_job_passes_mb_s") List<Double> uploadJobPassesMbS,
        @JsonProperty("upload_baseline_passes_mb_s") List<Double> uploadBaselinePassesMbS,
        @JsonProperty("cold_job_rows_per_s") Double coldJobRowsPerS,
        @JsonProperty("cold_baseline_rows_per_s") Double coldBaselineRowsPerS,
        @JsonProperty("cold_job_cpu_ms_per_row") Double coldJobCpuMsPerRow,
        @JsonProperty("cold_baseline_cpu_ms_per_row") Double coldBaselineCpuMsPerRow,
        @JsonProperty("cold_passes") Integer coldPasses,
        @JsonProperty("cold_job_passes_rows_per_s") List<Double> coldJobPassesRowsPerS,
        @JsonProperty("cold_baseline_passes_rows_per_s") List<Double> coldBaselinePassesRowsPerS,
        DashboardFigures dashboard,
        WorkersFigures workers) {
}
