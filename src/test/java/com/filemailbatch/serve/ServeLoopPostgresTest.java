package com.filemailbatch.serve;

import com.filemailbatch.support.FilemailBatchPostgresTest;

/** Every test of {@link ServeLoopTest}, on PostgreSQL. */
@FilemailBatchPostgresTest
class ServeLoopPostgresTest extends ServeLoopTest {
}
