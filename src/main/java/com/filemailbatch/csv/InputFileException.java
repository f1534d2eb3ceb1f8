package com.filemailbatch.csv;

/**
 * The input file as a whole cannot be used (missing, not UTF-8, bad header, broken quoting). It is thrown
 * before any row is returned, so a run that fails with it has sent nothing.
 *
 * <p>The message is one line meant for the operator: the file, the line (and column where there is one)
 * and the rule, e.g. {@code orders.csv: line 1: column 'to' appears twice}.
 */
public class InputFileException extends RuntimeException {

    InputFileException(String message) {
        super(message);
    }

    InputFileException(String message, Throwable cause) {
        super(message, cause);
    }

    static InputFileException of(String file, String problem) {
        return new InputFileException(file + ": " + problem);
    }

    static InputFileException at(String file, long line, String problem) {
        return new InputFileException(file + ": line " + line + ": " + problem);
    }
}
