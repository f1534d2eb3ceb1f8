package com.filemailbatch.journal;

/**
 * One line of the run journal. {@code sourceLine} and {@code columnName} point into the input file for rows read
 * from it; a cleanup action carries the line of the row that created the transfer.
 */
public record JournalEntry(
        long jobExecutionId,
        String stepName,
        Long sourceLine,
        String reference,
        Outcome outcome,
        String columnName,
        String reason,
        String transferId) {
}
