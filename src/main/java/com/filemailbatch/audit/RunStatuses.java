package com.filemailbatch.audit;

import com.filemailbatch.report.RunSummary;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;

/** The statuses and exit codes a run can have: what a status filter may name (anything else is a typo, not "none"). */
public final class RunStatuses {

    /** In name order. */
    public static final Set<String> ALL = all();

    private RunStatuses() {
    }

    private static Set<String> all() {
        Set<String> all = new TreeSet<>();
        for (BatchStatus status : BatchStatus.values()) {
            all.add(status.name());
        }
        for (ExitStatus status : new ExitStatus[] {ExitStatus.UNKNOWN, ExitStatus.EXECUTING, ExitStatus.COMPLETED,
                ExitStatus.NOOP, ExitStatus.FAILED, ExitStatus.STOPPED}) {
            all.add(status.getExitCode());
        }
        all.add(RunSummary.COMPLETED_WITH_PROBLEMS);
        return Collections.unmodifiableSet(all);
    }
}
