package com.filemailbatch.report;

import com.filemailbatch.support.FilemailBatchPostgresTest;

/** Every test of {@link ReceiptChainTest}, on PostgreSQL. */
@FilemailBatchPostgresTest
class ReceiptChainPostgresTest extends ReceiptChainTest {
}
