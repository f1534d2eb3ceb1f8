package com.filemailbatch.dashboard;

import com.filemailbatch.jobs.JobDefinition;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The job definitions the dashboard's overview lists: those of the jobs directory that {@code serve} or
 * {@code dashboard} loaded, set by the command once the application has started. Empty until then, and for a
 * {@code dashboard} without a jobs directory (an auditor's copy of the database).
 */
@Component
public class DashboardDefinitions {

    /** Written once by the command's thread, read by the request threads. */
    private volatile List<JobDefinition> definitions = List.of();

    public List<JobDefinition> definitions() {
        return definitions;
    }

    public void replace(List<JobDefinition> loaded) {
        definitions = List.copyOf(loaded);
    }
}
