package com.filemailbatch.dashboard;

import com.filemailbatch.csv.TransferDefinitionReader;
import com.filemailbatch.ledger.TransferSearch;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /runs/{id}/progress}: where a run stands, as JSON, for the run page's script to show in place: the step,
 * rows done of the file's total with the rate and the time left, and the upload's bytes and rate. Read from the job
 * repository and the ledger, so a run of another process (cron, another serve) shows as well as this one's.
 */
@RestController
class RunProgress {

    private final JobRepository jobs;
    private final TransferSearch transfers;

    RunProgress(JobRepository jobs, TransferSearch transfers) {
        this.jobs = jobs;
        this.transfers = transfers;
    }

    @GetMapping("/runs/{id}/progress")
    Map<String, Object> progress(@PathVariable long id) {
        JobExecution run = jobs.getJobExecution(id);
        if (run == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no run " + id + ".");
        }
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("status", run.getStatus().name());
        progress.put("running", run.isRunning());
        LocalDateTime now = LocalDateTime.now();
        StepExecution current = null;
        for (StepExecution step : run.getStepExecutions()) {
            if (current == null || step.getId() > current.getId()) {
                current = step;
            }
            if (step.getStepName().equals("initializeTransfersStep")) {
                // The read count moves a chunk at a time; the ledger's claims move row by row while the step runs.
                long done = step.getEndTime() != null ? step.getReadCount()
                        : Math.max(step.getReadCount(), transfers.touchedBy(id));
                long total = step.getExecutionContext().getLong(TransferDefinitionReader.TOTAL_ROWS, -1);
                progress.put("rowsDone", total < 0 ? done : Math.min(done, total));
                if (total >= 0) {
                    progress.put("rowsTotal", total);
                }
                rate(progress, "rows", done, total, step, now);
            }
            if (step.getStepName().equals("uploadTransfersStep")) {
                long[] bytes = transfers.uploaded(id);
                progress.put("bytesDone", bytes[0]);
                progress.put("bytesTotal", bytes[1]);
                rate(progress, "bytes", bytes[0], bytes[1], step, now);
            }
        }
        if (current != null) {
            progress.put("step", current.getStepName());
        }
        return progress;
    }

    /** {@code <what>PerSecond} since the step started, and {@code secondsLeft} at that rate while it runs. */
    private static void rate(Map<String, Object> progress, String what, long done, long total, StepExecution step,
            LocalDateTime now) {
        if (step.getStartTime() == null) {
            return;
        }
        LocalDateTime end = step.getEndTime() != null ? step.getEndTime() : now;
        double seconds = Math.max(0.001, Duration.between(step.getStartTime(), end).toMillis() / 1000.0);
        double rate = done / seconds;
        progress.put(what + "PerSecond", Math.round(rate * 10) / 10.0);
        if (step.getEndTime() == null && total > done && rate > 0) {
            progress.put("secondsLeft", Math.round((total - done) / rate));
        }
    }
}
