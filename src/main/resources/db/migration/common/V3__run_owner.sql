-- Which process runs (or ran) a job execution, and when it last said it was alive: a run left STARTED by a
-- process that is gone (killed, crashed, machine lost) is recognised and recovered instead of blocking its restart.
CREATE TABLE run_owner (
    job_execution_id BIGINT                   NOT NULL PRIMARY KEY,
    host             VARCHAR(255)             NOT NULL,
    pid              BIGINT                   NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_run_owner_execution FOREIGN KEY (job_execution_id)
        REFERENCES BATCH_JOB_EXECUTION (JOB_EXECUTION_ID)
);
