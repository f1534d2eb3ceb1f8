package com.filemailbatch.ledger;

import java.util.List;

/**
 * What a run records about a row when it claims the row's reference before calling Filemail.
 *
 * @param requestJson the initialize request as JSON, stored encrypted until the row is sent (null for rejections)
 * @param validatedFiles what the path rules found on disk for {@code files}; null for a row without files
 */
public record Claim(
        String reference,
        String subject,
        List<String> recipients,
        List<String> files,
        String sourceFile,
        long sourceLine,
        long jobExecutionId,
        String requestJson,
        ValidatedFiles validatedFiles) {

    /** A claim of a row whose files were not checked on disk (a rejection, a row without files). */
    public Claim(String reference, String subject, List<String> recipients, List<String> files, String sourceFile,
            long sourceLine, long jobExecutionId, String requestJson) {
        this(reference, subject, recipients, files, sourceFile, sourceLine, jobExecutionId, requestJson, null);
    }

    @Override
    public String toString() {
        return "Claim[reference=" + reference + ", subject=" + subject + ", sourceLine=" + sourceLine
                + ", jobExecutionId=" + jobExecutionId + ", requestJson=" + (requestJson == null ? null : "***") + "]";
    }
}
