-- Uploads spread over worker processes (remote partitioning over RabbitMQ). One row per partition of a run's upload
-- step: the manager adds it WAITING when it sends the partition's request; a worker claims it (RUNNING, its name),
-- beats its heartbeat while it works, and ends it (ENDED, with the partition's batch status and bytes). A partition
-- whose heartbeat stopped is taken over by the next worker that receives its request again; a WAITING partition of
-- a run that stops or fails is WITHDRAWN, so that no worker starts it later. Timestamps are the database's clock, the
-- one clock every machine shares. Portable SQL: the same file runs on H2 and PostgreSQL.
CREATE TABLE upload_partition (
    step_execution_id BIGINT                   PRIMARY KEY,
    job_execution_id  BIGINT                   NOT NULL,
    partition_name    VARCHAR(100)             NOT NULL,
    transfers         INT                      NOT NULL,
    state             VARCHAR(16)              NOT NULL,
    worker            VARCHAR(255),
    attempts          INT                      NOT NULL,
    sent_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_at        TIMESTAMP WITH TIME ZONE,
    heartbeat_at      TIMESTAMP WITH TIME ZONE,
    ended_at          TIMESTAMP WITH TIME ZONE,
    bytes_sent        BIGINT                   NOT NULL,
    outcome           VARCHAR(16)
);
CREATE INDEX upload_partition_job ON upload_partition (job_execution_id);

-- Which database this is: a random id made once, on first use. A worker compares it with the one its manager names in
-- each partition request, and refuses a partition of another database instead of working on rows it cannot see.
CREATE TABLE database_identity (
    only_row   CHAR(1)                  PRIMARY KEY,
    id         VARCHAR(36)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
