package com.filemailbatch.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The dashboard figure of a benchmark run: the dataset (its size, and how long writing it took), and each page's
 * statuses and times in milliseconds ({@link PageTiming.Page}).
 */
public record DashboardFigures(
        int executions,
        @JsonProperty("ledger_rows") int ledgerRows,
        @JsonProperty("journal_rows") long journalRows,
        @JsonProperty("dataset_build_s") double datasetBuildS,
        @JsonProperty("warmup_requests") int warmupRequests,
        int requests,
        List<PageTiming.Page> pages) {
}
