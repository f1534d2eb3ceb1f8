package com.filemailbatch.cleanup;

import com.filemailbatch.support.FilemailBatchPostgresTest;

/** Every test of {@link CleanupStaleTransfersJobTest}, on PostgreSQL. */
@FilemailBatchPostgresTest
class CleanupStaleTransfersJobPostgresTest extends CleanupStaleTransfersJobTest {
}
