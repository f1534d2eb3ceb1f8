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

    public ColdSettings {
        if (passes < 1) {
            throw new IllegalArgumentException("at least one cold pass, not " + passes);
        }
        jvmOptions = jvmOptions == null ? ColdPasses.LAUNCHER_RUN_OPTIONS : List.copyOf(jvmOptions);
    }
}
