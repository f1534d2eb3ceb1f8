package com.filemailbatch.workers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the transfers to upload into at most {@code gridSize} ranges of consecutive ledger ids with as many
 * transfers each as can be (their counts differ by one at most). Partition names carry the run's id: a restarted run
 * splits what is left then, never the ranges of the run it restarts.
 */
class UploadRangePartitioner implements Partitioner {

    static final String FIRST_ID = "firstLedgerId";
    static final String LAST_ID = "lastLedgerId";
    static final String TRANSFERS = "transfers";

    private final List<Long> uploadableIds;
    private final long jobExecutionId;

    /** @param uploadableIds the ids of the transfers to upload, in ascending order */
    UploadRangePartitioner(List<Long> uploadableIds, long jobExecutionId) {
        this.uploadableIds = uploadableIds;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int total = uploadableIds.size();
        int count = Math.min(gridSize, total);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int start = 0;
        for (int p = 0; p < count; p++) {
            int size = total / count + (p < total % count ? 1 : 0);
            ExecutionContext context = new ExecutionContext();
            context.putLong(FIRST_ID, uploadableIds.get(start));
            context.putLong(LAST_ID, uploadableIds.get(start + size - 1));
            context.putInt(TRANSFERS, size);
            partitions.put(name(p), context);
            start += size;
        }
        return partitions;
    }

    /** Such as {@code run42-p3}: the step execution is then named {@code uploadPartitionStep:run42-p3}. */
    private String name(int partition) {
        return "run" + jobExecutionId + "-p" + partition;
    }
}
