package com.filemailbatch.audit;

import com.filemailbatch.support.FilemailBatchPostgresTest;

/** The auditing guide's example SQL, on PostgreSQL. */
@FilemailBatchPostgresTest
class AuditorQueriesPostgresTest extends AuditorQueriesTest {
}
