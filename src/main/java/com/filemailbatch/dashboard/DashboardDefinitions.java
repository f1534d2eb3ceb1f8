package com.filemailbatch.dashboard;

import com.filemailbatch.jobs.JobDefinition;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The job definitions the dashboard lists and can launch: serve's, or those of {@code dashboard --jobs}; none until
 * the command that started the application sets them.
 */
@Component
public class DashboardDefinitions {

    private volatile List<JobDefinition> definitions = List.of();

    public List<JobDefinition> all() {
        return definitions;
    }

    public void set(List<JobDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    public Optional<JobDefinition> named(String name) {
        return definitions.stream().filter(definition -> definition.name().equals(name)).findFirst();
    }
}
