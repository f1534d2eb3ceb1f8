-- Notifications: each is written here, in the process that raised it, before that process ends; it is delivered from
-- here, with retries, by that process or the next one (run, serve, check). One row per notification and channel
-- target, so that each target is retried on its own. The id is stable across retries: receivers drop repeats by it.
-- event_key makes raising the same notification twice (two processes, a retry) record it once.
-- claimed_by is the process (pid@host) attempting it now: one killed in the middle is taken over at once by the next
-- process of the same host, instead of when its claim expires.
-- notice is the notification's JSON document: it never holds an API key, transfer key, row password or upload URL.
-- Portable SQL: the same file runs on H2 and PostgreSQL.
CREATE TABLE notification_outbox (
    id               VARCHAR(32)              NOT NULL PRIMARY KEY,
    event_key        VARCHAR(400)             NOT NULL UNIQUE,
    event            VARCHAR(16)              NOT NULL,
    definition       VARCHAR(255)             NOT NULL,
    job_execution_id BIGINT,
    channel          VARCHAR(16)              NOT NULL,
    target           VARCHAR(2000)            NOT NULL,
    format           VARCHAR(16)              NOT NULL,
    notice           TEXT                     NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    attempts         INTEGER                  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(1000),
    claimed_by       VARCHAR(300)
);
CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at);

-- The dead man's switch: per job definition, since when its deadline is watched (fire times before that are not
-- counted), when a run of it last completed (run --job or serve), and the fire time whose miss was last raised (once).
CREATE TABLE definition_state (
    definition      VARCHAR(255)             NOT NULL PRIMARY KEY,
    watched_since   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_success_at TIMESTAMP WITH TIME ZONE,
    missed_fire_at  TIMESTAMP WITH TIME ZONE
);
