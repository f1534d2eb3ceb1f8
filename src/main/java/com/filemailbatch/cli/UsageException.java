package com.filemailbatch.cli;

/** A problem with what the user typed: printed as one line, exit code 64. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
