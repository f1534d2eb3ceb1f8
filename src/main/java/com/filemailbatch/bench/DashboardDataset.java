package com.filemailbatch.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A long-lived installation's history, for timing the dashboard: {@code executions} runs of sendTransfersJob, one
 * an hour up to the hour this is built (instances, parameters input/runDate/dryRun/staleAfter, five steps with
 * counts; most completed, some with problems, some failed or stopped), a few run journal lines per run (sent,
 * uploaded, already sent, duplicate, rejected with a reason, failed), and {@code ledgerRows} ledger rows spread
 * evenly over the runs in id order, of every status, references {@code DASH-0000001} upwards.
 *
 * <p>Written straight into the tables of a database the application's migrations made, set-based: each table is
 * filled by {@code INSERT ... SELECT} over H2's {@code SYSTEM_RANGE} (the ledger in slices, to show progress), so
 * a million ledger rows take seconds, not the hours a million job runs would. H2 only, like the bench's
 * databases. No secret column is filled: no transfer key, no stored request. The sequences the job repository
 * draws ids from are moved past the runs written, so a real run after them still gets ids of its own.
 */
public final class DashboardDataset {

    /** The size of a dataset. */
    public record Size(int executions, int ledgerRows) {

        /** What the dashboard's figures are measured on. */
        public static final Size FULL = new Size(10_000, 1_000_000);

        public Size {
            if (executions < 1 || ledgerRows < executions) {
                throw new IllegalArgumentException("at least one run, and at least one ledger row per run");
            }
        }
    }

    /**
     * What was written: the runs' ids, one in the middle of them, a reference that exists, and how long it took.
     */
    public record Built(Size size, long firstExecutionId, long lastExecutionId, long journalRows,
            String middleReference, Duration took) {

        public long middleExecutionId() {
            return (firstExecutionId + lastExecutionId) / 2;
        }
    }

    static final String JOB_NAME = "sendTransfersJob";
    static final String[] STEPS = {"resumeUnsentTransfersStep", "initializeTransfersStep", "uploadTransfersStep",
            "cancelStaleTransfersStep", "reportStep"};
    /** Run journal lines per run. */
    static final int JOURNAL_PER_RUN = 6;
    private static final int LEDGER_SLICE = 100_000;

    private final JdbcTemplate jdbc;
    private final PrintStream progress;

    public DashboardDataset(JdbcTemplate jdbc, PrintStream progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    public Built fill(Size size) {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        if (!"H2".equals(product)) {
            throw new IllegalStateException("the dashboard dataset is written with H2's SYSTEM_RANGE; this database is "
                    + product);
        }
        long started = System.nanoTime();
        long offset = maxId("BATCH_JOB_EXECUTION", "JOB_EXECUTION_ID");
        long instanceOffset = maxId("BATCH_JOB_INSTANCE", "JOB_INSTANCE_ID");
        long stepOffset = maxId("BATCH_STEP_EXECUTION", "STEP_EXECUTION_ID");
        LocalDateTime lastRun = LocalDateTime.now().truncatedTo(ChronoUnit.HOURS);
        int runs = size.executions();
        progress.printf(Locale.ROOT, "  dataset: %,d runs of %s, %,d ledger rows%n", runs, JOB_NAME, size.ledgerRows());

        runs(runs, offset, instanceOffset, lastRun);
        parameters(runs, offset, lastRun);
        steps(runs, offset, stepOffset, lastRun);
        long journalRows = journal(runs, offset, size.ledgerRows());
        progress.printf(Locale.ROOT, "  dataset: job history and %,d run journal lines written (%.1f s)%n", journalRows,
                seconds(started));
        for (long from = 1; from <= size.ledgerRows(); from += LEDGER_SLICE) {
            long to = Math.min(size.ledgerRows(), from + LEDGER_SLICE - 1);
            ledger(from, to, runs, offset, size.ledgerRows(), lastRun);
            progress.printf(Locale.ROOT, "  dataset: ledger rows %,d / %,d (%.1f s)%n", to, size.ledgerRows(),
                    seconds(started));
        }
        restartSequence("BATCH_JOB_INSTANCE_SEQ", instanceOffset + runs + 1);
        restartSequence("BATCH_JOB_EXECUTION_SEQ", offset + runs + 1);
        restartSequence("BATCH_STEP_EXECUTION_SEQ", stepOffset + (long) runs * STEPS.length + 1);
        // The planner's statistics, as a database that grew to this size would have them.
        jdbc.execute("ANALYZE");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        progress.printf(Locale.ROOT, "  dataset: built in %.1f s%n", took.toNanos() / 1e9);
        return new Built(size, offset + 1, offset + runs, journalRows,
                reference(firstLedgerRow(runs, size.ledgerRows(), (offset + 1 + offset + runs) / 2 - offset)), took);
    }

    /** The first of a run's ledger rows (both 1-based within the dataset); SQL says the same as FIRST_ROW. */
    static long firstLedgerRow(int runs, int ledgerRows, long run) {
        return ((run - 1) * ledgerRows + runs - 1) / runs + 1;
    }

    static String reference(long ledgerRow) {
        return String.format(Locale.ROOT, "DASH-%07d", ledgerRow);
    }

    /** Run X of the dataset: its status, exit code, start and end (one an hour, the last at {@code lastRun}). */
    private static final String RUN = "SELECT X, "
            + "CASE WHEN MOD(X, 20) = 0 THEN 'FAILED' WHEN MOD(X, 97) = 0 THEN 'STOPPED' ELSE 'COMPLETED' END AS S, "
            + "CASE WHEN MOD(X, 20) = 0 THEN 'FAILED' WHEN MOD(X, 97) = 0 THEN 'STOPPED' "
            + "WHEN MOD(X, 7) = 0 THEN 'COMPLETED_WITH_PROBLEMS' ELSE 'COMPLETED' END AS C, "
            + "DATEADD(HOUR, X - ?, CAST(? AS TIMESTAMP)) AS T0, "
            + "DATEADD(SECOND, 40 + MOD(X * 37, 900), DATEADD(HOUR, X - ?, CAST(? AS TIMESTAMP))) AS T1 "
            + "FROM SYSTEM_RANGE(1, ?)";

    private Object[] runArguments(int runs, LocalDateTime lastRun) {
        return new Object[] {runs, lastRun, runs, lastRun, runs};
    }

    private void runs(int runs, long offset, long instanceOffset, LocalDateTime lastRun) {
        jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) "
                + "SELECT ? + X, 0, ?, LOWER(RAWTOHEX(HASH('MD5', 'dashboard-dataset-' || (? + X)))) "
                + "FROM SYSTEM_RANGE(1, ?)", instanceOffset, JOB_NAME, instanceOffset, runs);
        Object[] arguments = concat(new Object[] {offset, instanceOffset}, runArguments(runs, lastRun));
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, "
                + "START_TIME, END_TIME, STATUS, EXIT_CODE, EXIT_MESSAGE, LAST_UPDATED) "
                + "SELECT ? + X, 2, ? + X, T0, T0, T1, S, C, "
                + "CASE S WHEN 'FAILED' THEN 'com.filemailbatch.send.FilemailUnavailableException: Filemail did not "
                + "answer initialize after 5 attempts (connect timed out)' "
                + "WHEN 'STOPPED' THEN 'stopped by SIGTERM after its chunk in flight' ELSE '' END, T1 "
                + "FROM (" + RUN + ")", arguments);
    }

    private void parameters(int runs, long offset, LocalDateTime lastRun) {
        String select = " FROM (" + RUN + ")";
        Object[] arguments = concat(new Object[] {offset}, runArguments(runs, lastRun));
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, "
                + "PARAMETER_VALUE, IDENTIFYING) SELECT ? + X, 'input', 'java.lang.String', "
                + "'/srv/filemail-batch/inbox/nightly-' || FORMATDATETIME(T0, 'yyyy-MM-dd-HH') || '.csv', 'Y'"
                + select, arguments);
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, "
                + "PARAMETER_VALUE, IDENTIFYING) SELECT ? + X, 'runDate', 'java.lang.String', "
                + "FORMATDATETIME(T0, 'yyyy-MM-dd'), 'Y'" + select, arguments);
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, "
                + "PARAMETER_VALUE, IDENTIFYING) SELECT ? + X, 'dryRun', 'java.lang.String', "
                + "CASE WHEN MOD(X, 50) = 0 THEN 'true' ELSE 'false' END, 'Y'" + select, arguments);
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, "
                + "PARAMETER_VALUE, IDENTIFYING) SELECT ? + X, 'staleAfter', 'java.lang.String', 'PT72H', 'N'"
                + select, arguments);
    }

    /**
     * Five steps per run, the rows it read in initializeTransfersStep; a failed run stops at that step, a stopped
     * one in uploadTransfersStep.
     */
    private void steps(int runs, long offset, long stepOffset, LocalDateTime lastRun) {
        for (int step = 0; step < STEPS.length; step++) {
            String status = switch (step) {
                case 1 -> "CASE S WHEN 'FAILED' THEN 'FAILED' ELSE 'COMPLETED' END";
                case 2 -> "CASE S WHEN 'STOPPED' THEN 'STOPPED' ELSE 'COMPLETED' END";
                default -> "'COMPLETED'";
            };
            String reached = switch (step) {
                case 0, 1 -> "1 = 1";
                case 2 -> "S <> 'FAILED'";
                default -> "S = 'COMPLETED'";
            };
            String read = step == 1 ? "100 + MOD(X * 13, 40)" : step == 2 ? "70 + MOD(X * 7, 30)" : step == 4 ? "1"
                    : "MOD(X, 5)";
            String skipped = step == 1 ? "CASE WHEN MOD(X, 3) = 0 THEN 1 + MOD(X, 4) ELSE 0 END" : "0";
            Object[] arguments = concat(new Object[] {stepOffset, STEPS.length, step + 1, STEPS[step], offset, step,
                    step, step + 1}, runArguments(runs, lastRun));
            jdbc.update("INSERT INTO BATCH_STEP_EXECUTION (STEP_EXECUTION_ID, VERSION, STEP_NAME, JOB_EXECUTION_ID, "
                    + "CREATE_TIME, START_TIME, END_TIME, STATUS, COMMIT_COUNT, READ_COUNT, FILTER_COUNT, WRITE_COUNT, "
                    + "READ_SKIP_COUNT, WRITE_SKIP_COUNT, PROCESS_SKIP_COUNT, ROLLBACK_COUNT, EXIT_CODE, EXIT_MESSAGE, "
                    + "LAST_UPDATED) "
                    + "SELECT ? + (X - 1) * ? + ?, 3, ?, ? + X, "
                    + "DATEADD(SECOND, ? * 8, T0), DATEADD(SECOND, ? * 8, T0), DATEADD(SECOND, ? * 8, T0), " + status
                    + ", 1 + R / 50, R, 0, R - K, 0, 0, K, 0, " + status + ", '', T1 "
                    + "FROM (SELECT X, S, T0, T1, " + read + " AS R, " + skipped + " AS K FROM (" + RUN + ")) "
                    + "WHERE " + reached, arguments);
        }
    }

    /** A few lines per run, among that run's ledger references; the rejected ones with a column and a reason. */
    private long journal(int runs, long offset, int ledgerRows) {
        String line = "SELECT X, (X - 1) / " + JOURNAL_PER_RUN + " + 1 AS RUN, MOD(X - 1, " + JOURNAL_PER_RUN
                + ") AS SLOT FROM SYSTEM_RANGE(1, ?)";
        String run = "CASE WHEN MOD(RUN, 20) = 0 THEN 'FAILED' ELSE 'COMPLETED' END";
        String outcome = "CASE SLOT WHEN 3 THEN 'COMPLETED' "
                + "WHEN 4 THEN CASE WHEN MOD(RUN, 3) = 0 THEN 'REJECTED' ELSE 'ALREADY_SENT' END "
                + "WHEN 5 THEN CASE WHEN " + run + " = 'FAILED' THEN 'FAILED' WHEN MOD(RUN, 5) = 0 THEN 'REJECTED' "
                + "ELSE 'DUPLICATE' END ELSE 'INITIALIZED' END";
        String row = "((RUN - 1) * ? + ? - 1) / ? + 1 + SLOT";
        return jdbc.update("INSERT INTO run_journal (job_execution_id, step_name, source_line, reference, outcome, "
                + "column_name, reason, transfer_id) "
                + "SELECT ? + RUN, CASE O WHEN 'COMPLETED' THEN 'uploadTransfersStep' ELSE 'initializeTransfersStep' END, "
                + "SLOT + 2, 'DASH-' || LPAD(CAST(L AS VARCHAR), 7, '0'), O, "
                + "CASE WHEN O = 'REJECTED' THEN CASE WHEN MOD(RUN, 2) = 0 THEN 'to' ELSE 'days' END END, "
                + "CASE WHEN O = 'REJECTED' THEN CASE WHEN MOD(RUN, 2) = 0 THEN 'not an e-mail address: \"ops@\"' "
                + "ELSE 'not a number of days from 1 to 90: \"120\"' END "
                + "WHEN O = 'FAILED' THEN 'Filemail did not answer initialize (connect timed out)' END, "
                + "CASE WHEN O IN ('INITIALIZED', 'COMPLETED', 'ALREADY_SENT') THEN 'T' || L END "
                + "FROM (SELECT RUN, SLOT, " + outcome + " AS O, " + row + " AS L FROM (" + line + "))",
                offset, ledgerRows, runs, runs, (long) runs * JOURNAL_PER_RUN);
    }

    /** Ledger rows {@code from} to {@code to} (1-based), each of the run its place falls in. */
    private void ledger(long from, long to, int runs, long offset, int ledgerRows, LocalDateTime lastRun) {
        String status = "CASE WHEN M < 70 THEN 'COMPLETED' WHEN M < 80 THEN 'INITIALIZED' WHEN M < 83 THEN 'UPLOADING' "
                + "WHEN M < 88 THEN 'CANCELLED' WHEN M < 91 THEN 'EXPIRED' WHEN M < 95 THEN 'FAILED' "
                + "WHEN M < 98 THEN 'REJECTED' WHEN M < 99 THEN 'DEFERRED' ELSE 'PENDING' END";
        String sent = "ST IN ('COMPLETED', 'INITIALIZED', 'UPLOADING', 'CANCELLED', 'EXPIRED')";
        OffsetDateTime last = lastRun.atOffset(ZoneOffset.UTC);
        jdbc.update("INSERT INTO transfer_ledger (reference, status, attempt, subject, recipients, transfer_id, "
                + "transfer_url, download_url, source_file, source_line, job_execution_id, created_at, updated_at, "
                + "initialized_at, completed_at, cancelled_at, expired_at, last_error_status, last_error_message) "
                + "SELECT 'DASH-' || LPAD(CAST(X AS VARCHAR), 7, '0'), ST, CASE ST WHEN 'FAILED' THEN 3 ELSE 1 END, "
                + "'Monthly statement ' || X, 'customer' || X || '@example.com;archive@example.com', "
                + "CASE WHEN " + sent + " THEN 'T' || X END, "
                + "CASE WHEN " + sent + " THEN 'https://www.filemail.com/t/T' || X END, "
                + "CASE WHEN ST = 'COMPLETED' THEN 'https://www.filemail.com/d/T' || X END, "
                + "'/srv/filemail-batch/inbox/nightly-' || RUN || '.csv', 2 + X - FIRST_ROW, ? + RUN, C, "
                + "DATEADD(SECOND, 30, C), CASE WHEN " + sent + " THEN DATEADD(SECOND, 2, C) END, "
                + "CASE WHEN ST = 'COMPLETED' THEN DATEADD(SECOND, 20, C) END, "
                + "CASE WHEN ST = 'CANCELLED' THEN DATEADD(DAY, 3, C) END, "
                + "CASE WHEN ST = 'EXPIRED' THEN DATEADD(DAY, 7, C) END, "
                + "CASE ST WHEN 'FAILED' THEN 'TIMEOUT' WHEN 'REJECTED' THEN 'REJECTED' WHEN 'DEFERRED' THEN 'QUOTA' END, "
                + "CASE ST WHEN 'FAILED' THEN 'Filemail did not answer initialize (connect timed out)' "
                + "WHEN 'REJECTED' THEN 'not an e-mail address: \"customer' || X || '@\"' "
                + "WHEN 'DEFERRED' THEN 'daily transfer quota used up' END "
                + "FROM (SELECT X, RUN, ((RUN - 1) * ? + ? - 1) / ? + 1 AS FIRST_ROW, " + status + " AS ST, "
                + "DATEADD(SECOND, MOD(X, 3000) / 10, DATEADD(HOUR, RUN - ?, CAST(? AS TIMESTAMP WITH TIME ZONE))) AS C "
                + "FROM (SELECT X, MOD(X, 100) AS M, (X - 1) * ? / ? + 1 AS RUN FROM SYSTEM_RANGE(?, ?)))",
                offset, ledgerRows, runs, runs, runs, last, runs, ledgerRows, from, to);
    }

    private long maxId(String table, String column) {
        Long max = jdbc.queryForObject("SELECT MAX(" + column + ") FROM " + table, Long.class);
        return max == null ? 0 : max;
    }

    private void restartSequence(String sequence, long next) {
        Long current = jdbc.queryForObject("SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES "
                + "WHERE SEQUENCE_NAME = ?", Long.class, sequence);
        if (current == null || current < next) {
            jdbc.execute("ALTER SEQUENCE " + sequence + " RESTART WITH " + next);
        }
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = new Object[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
