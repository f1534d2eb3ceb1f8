package com.filemailbatch.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * One workflow from {@code jobs/}: which job, when it is meant to run, and its options.
 *
 * @param file       the definition file itself
 * @param job        what to run
 * @param schedule   a six-field cron expression (second minute hour day month weekday), or null
 * @param zone       the time zone of the schedule and of the run date
 * @param input      the CSV file, resolved against the definition's directory (send only; null with an inbox)
 * @param inbox      a directory whose {@code *.csv} files are each sent, then archived (send only; null with input)
 * @param staleAfter how old an incomplete transfer must be to be cancelled
 * @param deadline   how long after each fire time of its schedule a run must have completed, or null for no
 *                   dead man's switch
 * @param notifyRule whom its runs notify, and when ({@link Notify#UNSET} to take the configuration's defaults)
 */
public record JobDefinition(Path file, Kind job, String schedule, ZoneId zone, Path input, Path inbox,
        Duration staleAfter, Duration deadline, Notify notifyRule) {

    /** A definition without deadline that notifies as the configuration says: {@code run --input}. */
    public JobDefinition(Path file, Kind job, String schedule, ZoneId zone, Path input, Path inbox,
            Duration staleAfter) {
        this(file, job, schedule, zone, input, inbox, staleAfter, null, Notify.UNSET);
    }

    /** The definition's name: its file name without {@code .properties}; it keys the schedule's state. */
    public String name() {
        String fileName = file == null ? "command-line" : file.getFileName().toString();
        return fileName.endsWith(".properties") ? fileName.substring(0, fileName.length() - ".properties".length())
                : fileName;
    }

    /** The jobs a definition can name. */
    public enum Kind {
        /** {@code sendTransfersJob}: initialize the CSV's transfers, cancel stale ones, report. */
        SEND("sendTransfersJob"),
        /** {@code cleanupStaleTransfersJob}: only cancel stale transfers. */
        CLEANUP("cleanupStaleTransfersJob");

        private final String jobName;

        Kind(String jobName) {
            this.jobName = jobName;
        }

        public String jobName() {
            return jobName;
        }
    }
}
