package com.filemailbatch.sandbox;

/**
 * How many faults a {@link FilemailSandbox} injected since start or {@link FilemailSandbox#reset()}; see
 * {@link SandboxFaults}. Requests dropped by {@link FilemailSandbox#setUnavailable(boolean)} and scripted
 * {@link FilemailSandbox#respondNext answers} are not faults and are not counted here.
 *
 * @param dropped            transient faults that dropped the connection before doing anything
 * @param droppedAfterCreate initialize requests whose transfer was created and whose answer was dropped
 */
public record InjectedFaults(long transient429, long transient500, long transient503, long dropped,
        long droppedAfterCreate) {

    /** Every injected fault, of all kinds. */
    public long total() {
        return transient429 + transient500 + transient503 + dropped + droppedAfterCreate;
    }
}
