package com.filemailbatch.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one transfer held by the sandbox, for tests to assert on.
 *
 * @param initializeBody the raw JSON body of the initialize request that created it
 * @param files          files uploaded so far, in the order they were first seen
 */
public record SandboxTransfer(String id, String key, String subject, List<String> recipients, Status status,
        Instant createdAt, String initializeBody, List<SandboxFile> files) {

    /** Lifecycle of a sandbox transfer. */
    public enum Status {
        /** Initialized; uploads may be in progress; neither completed nor cancelled. */
        INITIALIZED,
        /** {@code PUT /transfer/complete} succeeded. */
        COMPLETED,
        /** {@code PUT /transfer/cancel} succeeded; the API treats it as gone. */
        CANCELLED,
        /** Marked expired through {@link FilemailSandbox#expire(String)}. */
        EXPIRED
    }

    public SandboxTransfer {
        recipients = List.copyOf(recipients);
        files = List.copyOf(files);
    }
}
