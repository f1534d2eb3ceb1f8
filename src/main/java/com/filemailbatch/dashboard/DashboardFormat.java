package com.filemailbatch.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How the pages show times, durations, sizes and statuses ({@code ${@fmt.…}} in the templates). The job history
 * keeps local times of the machine that ran the job; the ledger and the notifications keep instants.
 */
@Component("fmt")
public class DashboardFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    public String time(LocalDateTime at) {
        return at == null ? "" : TIME.format(at);
    }

    public String instant(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    public String zoned(ZonedDateTime at) {
        return at == null ? "" : ZONED.format(at);
    }

    public String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "";
        }
        return duration(Duration.between(start, end == null ? LocalDateTime.now() : end));
    }

    public String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** A duration in milliseconds as {@link #duration(Duration)} shows it; empty for none. */
    public String millis(Long millis) {
        return millis == null ? "" : duration(Duration.ofMillis(millis));
    }

    public String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** The CSS class of a status or exit code: ok, problems, failed, running or other. */
    public String statusClass(String status) {
        if (status == null) {
            return "status other";
        }
        return "status " + switch (status) {
            case "COMPLETED", "DELIVERED", "DONE" -> "ok";
            case "COMPLETED_WITH_PROBLEMS", "REJECTED", "DEFERRED", "PENDING", "REFUSED" -> "problems";
            case "FAILED", "ABANDONED", "GIVEN_UP", "UPLOAD_FAILED", "CANCEL_FAILED" -> "failed";
            case "STARTING", "STARTED", "STOPPING", "UPLOADING", "INITIALIZED", "ASKED", "RUNNING", "WAITING" -> "running";
            default -> "other";
        };
    }
}
