package com.filemailbatch.send;

import com.filemailbatch.support.FilemailBatchPostgresTest;

/** Every test of {@link HostileRowsJobTest}, on PostgreSQL. */
@FilemailBatchPostgresTest
class HostileRowsJobPostgresTest extends HostileRowsJobTest {
}
