package com.filemailbatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The example SQL for auditors, read from the auditing guide ({@code docs/auditing.md}) itself and run as written after a real run. The one
 * edit: the example execution id 42 becomes the test run's id. The run is moved into November 2026, the example
 * month, whatever day the test runs on.
 */
@FilemailBatchTest
class AuditorQueriesTest {

    @Autowired
    JobRuns jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    @TempDir
    Path dir;

    private JobExecution execution;
    private Map<String, String> queries;

    @BeforeEach
    void aRunInNovember2026() throws Exception {
        TestData.reset(jdbc, sandbox);
        Path input = TestData.csv(dir, "invoices.csv", "reference,subject,to",
                "INV-2026-0042,Invoice 42,Billing@Acme.example;ops@acme.example",
                "INV-2026-0043,Invoice 43,other@acme.example",
                "INV-2026-0044,Invoice 44,billing@acme",
                "INV-2026-0045,Invoice 45,ops@acme.example;billing@acme.example");
        execution = jobs.send(input, LocalDate.of(2026, 11, 15));
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET START_TIME = ? WHERE JOB_EXECUTION_ID = ?",
                Timestamp.valueOf("2026-11-15 01:30:00"), execution.getId());
        queries = guideQueries();
    }

    @Test
    void theReadmeHasTheFourQueries() {
        assertThat(queries.keySet()).containsExactly("Runs of November 2026, with their outcome counts",
                "Every transfer sent to one address", "Rows rejected by one run, and why",
                "The run behind one ledger row: when it ran and from which input file");
    }

    @Test
    void runsOfAMonth() {
        List<Map<String, Object>> rows = jdbc.queryForList(queries.get("Runs of November 2026, with their outcome "
                + "counts"));

        assertThat(rows).filteredOn(row -> number(row, "job_execution_id") == execution.getId()).singleElement()
                .satisfies(row -> {
                    assertThat(value(row, "job_name")).isEqualTo("sendTransfersJob");
                    assertThat(value(row, "exit_code")).isEqualTo("COMPLETED_WITH_PROBLEMS");
                    assertThat(number(row, "initialized")).isEqualTo(3);
                    assertThat(number(row, "rejected")).isEqualTo(1);
                });
    }

    @Test
    void everyTransferSentToOneAddressWhateverItsCaseOrPlaceInTheList() {
        List<Map<String, Object>> rows = jdbc.queryForList(queries.get("Every transfer sent to one address"));

        assertThat(rows).extracting(row -> value(row, "reference")).containsExactlyInAnyOrder("INV-2026-0042",
                "INV-2026-0045");
        assertThat(rows).allSatisfy(row -> assertThat(value(row, "status")).isEqualTo("INITIALIZED"));
    }

    @Test
    void rowsRejectedByOneRunAndWhy() {
        String sql = queries.get("Rows rejected by one run, and why");
        assertThat(sql).contains("job_execution_id = 42");

        List<Map<String, Object>> rows = jdbc.queryForList(sql.replace("job_execution_id = 42",
                "job_execution_id = " + execution.getId()));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(number(row, "source_line")).isEqualTo(4);
            assertThat(value(row, "reference")).isEqualTo("INV-2026-0044");
            assertThat(value(row, "column_name")).isEqualTo("to");
            assertThat(value(row, "reason")).isEqualTo("'billing@acme' is not an e-mail address");
        });
    }

    @Test
    void theRunBehindOneLedgerRow() {
        List<Map<String, Object>> rows = jdbc.queryForList(queries.get("The run behind one ledger row: when it ran "
                + "and from which input file"));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(number(row, "job_execution_id")).isEqualTo(execution.getId());
            assertThat(value(row, "input")).endsWith("invoices.csv");
            assertThat(value(row, "transfer_id")).isNotBlank();
        });
    }

    /** The SQL blocks of the auditing guide's "Example SQL" section: comment line → the statement after it. */
    static Map<String, String> guideQueries() throws IOException {
        String readme = Files.readString(Path.of("docs", "auditing.md"));
        int start = readme.indexOf("### Example SQL (H2 and PostgreSQL)");
        assertThat(start).as("the auditing guide's example SQL section").isNotNegative();
        int end = readme.indexOf("\n## ", start);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Map<String, String> queries = new LinkedHashMap<>();
        Matcher block = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (block.find()) {
            for (String statement : block.group(1).split(";\\s*\\n")) {
                String text = statement.strip();
                if (text.isEmpty()) {
                    continue;
                }
                String title = text.lines().findFirst().orElseThrow();
                assertThat(title).as("each query starts with a comment saying what it answers").startsWith("-- ");
                queries.put(title.substring(3).strip(), text);
            }
        }
        return queries;
    }

    /** Column labels come back upper-case from H2 and lower-case from PostgreSQL. */
    private static Object raw(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + column + " in " + row.keySet())).getValue();
    }

    private static String value(Map<String, Object> row, String column) {
        Object value = raw(row, column);
        return value == null ? null : value.toString();
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) raw(row, column)).longValue();
    }
}
