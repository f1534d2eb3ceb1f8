package com.filemailbatch.upload;

import com.filemailbatch.support.FilemailBatchPostgresTest;

/** Every test of {@link UploadTransfersJobTest}, on PostgreSQL. */
@FilemailBatchPostgresTest
class UploadTransfersJobPostgresTest extends UploadTransfersJobTest {
}
