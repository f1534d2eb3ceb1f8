-- Lock times to the microsecond, as the databases' clocks give them. Kept to the millisecond, PostgreSQL rounded a
-- release time up half of the time, and a launch less than half a millisecond after a release found the lock still
-- held (RunLockTest.aLaunchRightAfterAReleaseAlwaysGetsTheLock).
ALTER TABLE shedlock ALTER COLUMN lock_until SET DATA TYPE TIMESTAMP(6);
ALTER TABLE shedlock ALTER COLUMN locked_at SET DATA TYPE TIMESTAMP(6);
