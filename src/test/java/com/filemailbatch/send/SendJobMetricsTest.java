package com.filemailbatch.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The meters a real run of sendTransfersJob moves (in any command, not only serve): rows by outcome, bytes uploaded
 * and the Filemail calls by endpoint, each by exactly what the run did. The registry is the context's, shared with
 * other tests, so the meters are compared before and after.
 */
@FilemailBatchTest
class SendJobMetricsTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobRuns jobs;

    @TempDir
    Path dir;

    @Test
    void aRunMovesEachMeterByWhatItDid() throws Exception {
        TestData.reset(jdbc, sandbox);
        Files.writeString(dir.resolve("nine.txt"), "9 bytes!\n");
        Path input = TestData.csv(dir, "metrics.csv", "reference,subject,to,files",
                "M-1,Initialized only,ann@example.com,",
                "M-2,With a file,bob@example.com,nine.txt",
                "M-3,Bad address,not-an-address,");
        Map<String, Double> before = readings();

        JobExecution run = jobs.send(input, LocalDate.of(2026, 11, 27));

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Double> moved = new LinkedHashMap<>();
        readings().forEach((meter, value) -> moved.put(meter, value - before.get(meter)));
        assertThat(moved).isEqualTo(Map.of(
                "rows initialized", 2.0, "rows rejected", 1.0, "rows completed", 1.0, "rows failed", 0.0,
                "bytes", 9.0,
                "initialize success", 2.0, "upload success", 1.0, "complete success", 1.0,
                "initialize transient", 0.0, "initialize retries", 0.0));
    }

    private Map<String, Double> readings() {
        Map<String, Double> readings = new LinkedHashMap<>();
        for (String outcome : new String[] {"initialized", "rejected", "completed", "failed"}) {
            readings.put("rows " + outcome, meters.get("filemail.batch.rows").tag("outcome", outcome).counter()
                    .count());
        }
        readings.put("bytes", meters.get("filemail.batch.upload.bytes").counter().count());
        readings.put("initialize success", calls("initialize", "success"));
        readings.put("upload success", calls("upload", "success"));
        readings.put("complete success", calls("complete", "success"));
        readings.put("initialize transient", calls("initialize", "transient"));
        readings.put("initialize retries", meters.get("filemail.batch.api.retries").tag("endpoint", "initialize")
                .counter().count());
        return readings;
    }

    private double calls(String endpoint, String outcome) {
        return meters.get("filemail.batch.api.calls").tag("endpoint", endpoint).tag("outcome", outcome).timer()
                .count();
    }
}
