package com.filemailbatch.audit;

import com.filemailbatch.support.FilemailBatchPostgresTest;

/** Every test of {@link HistoryPurgeTest}, on PostgreSQL. */
@FilemailBatchPostgresTest
class HistoryPurgePostgresTest extends HistoryPurgeTest {
}
