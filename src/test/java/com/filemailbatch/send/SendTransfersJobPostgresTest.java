package com.filemailbatch.send;

import com.filemailbatch.support.FilemailBatchPostgresTest;

/** Every test of {@link SendTransfersJobTest}, on PostgreSQL. */
@FilemailBatchPostgresTest
class SendTransfersJobPostgresTest extends SendTransfersJobTest {
}
