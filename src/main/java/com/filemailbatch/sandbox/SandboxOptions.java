package com.filemailbatch.sandbox;

/**
 * How to start a {@link FilemailSandbox}.
 *
 * @param apiKey  the only {@code x-api-key} value the sandbox accepts
 * @param threads request-handling threads; enough for a batch run's concurrent uploads
 */
public record SandboxOptions(String apiKey, int threads) {

    /** The documented sandbox key; safe to print, it opens nothing but the sandbox. */
    public static final String DEFAULT_API_KEY = "sandbox-api-key";

    public SandboxOptions {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    public static SandboxOptions defaults() {
        return new SandboxOptions(DEFAULT_API_KEY, 32);
    }
}
