package com.filemailbatch.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a notification tells: the JSON document a webhook posts (with its {@code id} first), and what the chat
 * message and the e-mail are made of. Never an API key, a transfer key, a row's password or an upload address; the
 * download links only when {@code filemail.notify.download-links} is on. Times are ISO-8601 in UTC. The fields are
 * documented in docs/notifications.md: a contract with the receivers.
 *
 * @param event       failure, problems, success or missed
 * @param title       one line: what happened
 * @param text        the whole message, in lines
 * @param input       the CSV file of a send run
 * @param counts      the run's outcome counts (rowsRead, initialized, completed, rejected, failed, deferred,
 *                    cancelled, …)
 * @param firstRejected the first rejected rows, with the line, column and rule broken
 * @param cancelled   the references of the first transfers the run's cleanup cancelled
 * @param link        the run's page on the dashboard, when {@code filemail.dashboard.url} is set
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Notice(
        String event,
        String title,
        String text,
        String definition,
        String job,
        String input,
        String runDate,
        Long executionId,
        String status,
        Integer exitCode,
        String startedAt,
        String endedAt,
        Long durationSeconds,
        Map<String, Long> counts,
        List<Rejected> firstRejected,
        List<String> cancelled,
        List<Download> downloads,
        String error,
        String schedule,
        String zone,
        String fireAt,
        String dueBy,
        String lastSuccessAt,
        String host,
        String link,
        String raisedAt) {

    /** A rejected row: where it is in the input file and which rule it broke. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rejected(Long line, String column, String reference, String reason) {
    }

    /** A completed transfer's download link (only with {@code filemail.notify.download-links=true}). */
    public record Download(String reference, String downloadUrl) {
    }
}
