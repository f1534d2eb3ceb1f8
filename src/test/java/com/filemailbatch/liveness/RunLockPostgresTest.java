package com.filemailbatch.liveness;

import com.filemailbatch.support.FilemailBatchPostgresTest;

/** Every test of {@link RunLockTest}, on PostgreSQL. */
@FilemailBatchPostgresTest
class RunLockPostgresTest extends RunLockTest {
}
