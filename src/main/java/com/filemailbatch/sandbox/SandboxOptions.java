package com.filemailbatch.sandbox;

/**
 * How to start a {@link FilemailSandbox}.
 *
 * @param apiKey  the only {@code x-api-key} value the sandbox accepts
 * @param threads request-handling threads; enough for a batch run's concurrent uploads
 * @param faults  random faults injected from the first request on; null means {@link SandboxFaults#none()}
 */
public record SandboxOptions(String apiKey, int threads, SandboxFaults faults) {

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

    /** The default key and threads, no faults. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(DEFAULT_API_KEY, 32);
    }

    public SandboxOptions withFaults(SandboxFaults faults) {
        return new SandboxOptions(apiKey, threads, faults);
    }
}
