package com.filemailbatch.cli;

import com.filemailbatch.launch.Launch;
import com.filemailbatch.report.RunSummaries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --json} answer of run and cleanup: the exit code, and each run launched with its outcome and summary. */
final class LaunchAnswer {

    private LaunchAnswer() {
    }

    /** A run that did not report (already complete, not started) has a null summary. */
    static Map<String, Object> of(int exitCode, List<Launch> launches, RunSummaries summaries) {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Launch launch : launches) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("executionId", launch.executionId());
            run.put("outcome", launch.outcome());
            run.put("exitCode", launch.exitCode());
            run.put("failure", launch.failure());
            run.put("summary", launch.executionId() == null ? null
                    : summaries.of(launch.executionId()).orElse(null));
            runs.add(run);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("exitCode", exitCode);
        answer.put("runs", runs);
        return answer;
    }
}
