package com.filemailbatch.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The workers figure of a benchmark run ({@code bench --workers}): for k = 1, 2, … workers, each capped at
 * {@code cap_bytes_per_s}, the bytes the upload step delivered per second, and its ratio to k × cap (1.0: every
 * worker sent at its cap for the whole step). Rates are in bytes per second (the printed table's MB are 10^6 bytes);
 * the duration is the manager's {@code uploadTransfersStep}, from its start (partitions sent) to its end (every
 * partition ended).
 */
public record WorkersFigures(
        @JsonProperty("cap_bytes_per_s") long capBytesPerS,
        @JsonProperty("files_per_worker") int filesPerWorker,
        @JsonProperty("file_bytes") long fileBytes,
        List<Pass> passes) {

    /**
     * One pass: {@code workers} worker contexts, {@code transfers} transfers of one file each, as many partitions.
     *
     * @param bytesByWorker the file bytes each worker recorded in {@code upload_partition}
     */
    public record Pass(
            int workers,
            int transfers,
            int partitions,
            long bytes,
            @JsonProperty("upload_step_s") double uploadStepS,
            @JsonProperty("delivered_bytes_per_s") double deliveredBytesPerS,
            @JsonProperty("target_bytes_per_s") long targetBytesPerS,
            @JsonProperty("ratio_to_target") double ratioToTarget,
            @JsonProperty("bytes_by_worker") Map<String, Long> bytesByWorker) {

        /** The rates of a pass that delivered {@code bytes} in {@code seconds} with {@code workers} capped at cap. */
        static Pass of(int workers, int transfers, int partitions, long bytes, double seconds, long cap,
                Map<String, Long> bytesByWorker) {
            double rate = bytes / seconds;
            long target = workers * cap;
            return new Pass(workers, transfers, partitions, bytes, seconds, rate, target, rate / target,
                    bytesByWorker);
        }

        /** {@code 3 workers   36 files    75.5 MB in 6.41 s   11.78 MB/s of 12.00 MB/s (0.98)} */
        String line() {
            return String.format(Locale.ROOT, "%d worker%s %4d files %9.1f MB in %7.2f s %8.2f MB/s of %6.2f MB/s "
                    + "(%.2f)", workers, workers == 1 ? " " : "s", transfers, bytes / 1e6, uploadStepS,
                    deliveredBytesPerS / 1e6, targetBytesPerS / 1e6, ratioToTarget);
        }
    }
}
