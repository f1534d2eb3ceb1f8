package com.filemailbatch.audit;

import com.filemailbatch.support.FilemailBatchPostgresTest;

/** Every test of {@link AuditQueriesTest}, on PostgreSQL. */
@FilemailBatchPostgresTest
class AuditQueriesPostgresTest extends AuditQueriesTest {
}
