-- The receipt chain: one row per run receipt (reports/run-<id>.json), in the order they were written. Each receipt
-- holds the SHA-256 of the one before it; this table holds every receipt's own SHA-256 too, so a receipt file that
-- is altered or removed (even the last one) is found by verify-receipts.
-- No foreign key to BATCH_JOB_EXECUTION on purpose: purge deletes old job history but keeps the chain whole.
CREATE TABLE run_receipt (
    chain_position   BIGINT                   NOT NULL PRIMARY KEY,
    job_execution_id BIGINT                   NOT NULL,
    file_name        VARCHAR(200)             NOT NULL,
    sha256           VARCHAR(64)              NOT NULL,
    previous_sha256  VARCHAR(64)              NOT NULL,
    written_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- One receipt per job execution (a restart is a new execution, so it gets its own).
    CONSTRAINT uq_run_receipt_execution UNIQUE (job_execution_id),
    -- A chain, not a tree: two processes writing at once cannot both follow the same receipt.
    CONSTRAINT uq_run_receipt_previous UNIQUE (previous_sha256)
);

-- A receipt reads its run's journal page by page in id order (WHERE job_execution_id = ? AND id > ? ORDER BY id):
-- without this index every page would scan and sort the whole run, quadratic for a run of a million rows.
CREATE INDEX ix_run_journal_execution_id ON run_journal (job_execution_id, id);
