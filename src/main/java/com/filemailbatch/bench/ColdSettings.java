package com.filemailbatch.bench;

import java.util.List;

/**
 * The cold passes ({@link ColdPasses}): how many of each side (the figures are their medians; one cold pass of the job
 * spreads by a few percent from run to run) and the children's JVM options.
 *
 * @param passes     cold passes of each side, at least 1
 * @param jvmOptions the children's JVM options (null: those {@code bin/filemail-batch} gives {@code run})
 */
public record ColdSettings(int passes, List<String> jvmOptions) {

    /**
     * The JVM options of both children unless the bench is told otherwise: those {@code bin/filemail-batch} gives
     * {@code run}, the JIT compiler's first tier only (its second tier's compilations take more CPU than they save
     * in a run of this size; docs/performance.md has the figures). The launcher's test checks that they agree; the
     * jar tests start the jar with them too.
     */
    public static final List<String> LAUNCHER_RUN_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    public ColdSettings {
        if (passes < 1) {
            throw new IllegalArgumentException("at least one cold pass, not " + passes);
        }
        jvmOptions = jvmOptions == null ? LAUNCHER_RUN_OPTIONS : List.copyOf(jvmOptions);
    }
}
