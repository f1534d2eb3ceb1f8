-- One run at a time: ShedLock's lock table. A row per lock name (the job name); a launch holds it by setting
-- lock_until in the future and keeps extending it while the run lives. A crashed holder stops extending, so its lock
-- expires by itself after lock-at-most-for. Times are the database's own clock (UTC), never a machine's.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- serve: the last time each job definition's schedule fired, so that a start after downtime makes up a missed
-- schedule once (not once per missed night).
CREATE TABLE schedule_state (
    definition   VARCHAR(255)             NOT NULL PRIMARY KEY,
    last_fire_at TIMESTAMP WITH TIME ZONE NOT NULL
);
