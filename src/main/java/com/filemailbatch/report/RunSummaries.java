package com.filemailbatch.report;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the summaries of this process's runs go: printed for people, on standard output unless a command answers in
 * JSON there ({@code run --json} sends them to standard error), and kept by execution id for that JSON answer.
 */
public final class RunSummaries {

    private volatile PrintStream people = System.out;
    private final Map<Long, RunSummary> summaries = new ConcurrentHashMap<>();

    /** Prints the summaries for people on {@code stream} from now on. */
    public void printTo(PrintStream stream) {
        this.people = stream;
    }

    PrintStream people() {
        return people;
    }

    void add(RunSummary summary) {
        summaries.put(summary.executionId(), summary);
    }

    /** The summary of a run this process reported, if it did. */
    public Optional<RunSummary> of(long executionId) {
        return Optional.ofNullable(summaries.get(executionId));
    }
}
