package com.filemailbatch.ledger;

import java.util.List;

/** What a run records about a row when it claims the row's reference before calling Filemail. */
public record Claim(
        String reference,
        String subject,
        List<String> recipients,
        List<String> files,
        String sourceFile,
        long sourceLine,
        long jobExecutionId) {
}
