package com.filemailbatch.bench;

/**
 * What the dashboard figure measures: the pages of a dataset of {@code executions} runs and {@code ledgerRows}
 * ledger rows (see {@link DashboardDataset}), each asked for {@code warmup} times unmeasured, then {@code requests}
 * times measured.
 */
public record DashboardSettings(int executions, int ledgerRows, int warmup, int requests) {

    public DashboardSettings {
        new DashboardDataset.Size(executions, ledgerRows);
        if (warmup < 0 || requests < 1) {
            throw new IllegalArgumentException("warmup must be at least 0 and requests at least 1");
        }
    }

    DashboardDataset.Size size() {
        return new DashboardDataset.Size(executions, ledgerRows);
    }
}
