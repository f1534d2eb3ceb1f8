package com.filemailbatch.sandbox;

/**
 * How to start a {@link FilemailSandbox}.
 *
 * @param apiKey  the only {@code x-api-key} value the sandbox accepts
 * @param threads request-handling threads; enough for a batch run's concurrent uploads
 * @param faults  random faults injected from the first request on; null means {@link SandboxFaults#none()}
 * @param storeUploads true to keep every uploaded chunk on disk (so tests can check what arrived, by SHA-256);
 *                     false to read and count the bytes only, as the benchmark does: a real file server is another
 *                     machine and writes the bytes with its own disk and CPU, not the client's
 */
public record SandboxOptions(String apiKey, int threads, SandboxFaults faults, boolean storeUploads) {

    /** The documented sandbox key; safe to print, it opens nothing but the sandbox. */
    public static final String DEFAULT_API_KEY = "sandbox-api-key";

    public SandboxOptions {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        faults = faults == null ? SandboxFaults.none() : faults;
    }

    /** Without faults, as options were before faults existed. */
    public SandboxOptions(String apiKey, int threads) {
        this(apiKey, threads, SandboxFaults.none());
    }

    /** Storing uploads, as options were before {@code storeUploads} existed. */
    public SandboxOptions(String apiKey, int threads, SandboxFaults faults) {
        this(apiKey, threads, faults, true);
    }

    /** The default key and threads, no faults. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(DEFAULT_API_KEY, 32);
    }

    public SandboxOptions withFaults(SandboxFaults faults) {
        return new SandboxOptions(apiKey, threads, faults, storeUploads);
    }

    /** These options, but uploaded bytes are counted and dropped (see {@code storeUploads}). */
    public SandboxOptions countingUploadsOnly() {
        return new SandboxOptions(apiKey, threads, faults, false);
    }
}
