package com.filemailbatch.cli;

/** A problem with the settings (no API key, bad database URL, unusable master key): one line, exit code 78. */
final class ConfigurationException extends RuntimeException {
    ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
