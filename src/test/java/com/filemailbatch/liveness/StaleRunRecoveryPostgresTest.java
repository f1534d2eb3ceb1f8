package com.filemailbatch.liveness;

import com.filemailbatch.support.FilemailBatchPostgresTest;

/** Every test of {@link StaleRunRecoveryTest}, on PostgreSQL. */
@FilemailBatchPostgresTest
class StaleRunRecoveryPostgresTest extends StaleRunRecoveryTest {
}
