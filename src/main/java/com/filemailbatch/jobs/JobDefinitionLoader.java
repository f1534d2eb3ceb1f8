package com.filemailbatch.jobs;

import com.filemailbatch.terminal.Visible;
import com.filemailbatch.text.Durations;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.scheduling.support.CronExpression;

/**
 * Reads a job definition ({@code .properties}, UTF-8). Every problem is one {@link JobDefinitionException} line that
 * names the file and the key; unknown keys are refused, so a typo never silently falls back to a default.
 */
public final class JobDefinitionLoader {

    static final Set<String> KEYS = Set.of("job", "schedule", "zone", "input", "inbox", "stale-after", "deadline",
            "notify.on", "notify.webhook", "notify.webhook-format", "notify.email");

    private JobDefinitionLoader() {
    }

    public static JobDefinition load(Path file) {
        Properties properties = read(file);
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw problem(file, "unknown key '" + excerpt(unknown.iterator().next()) + "' (known keys: job, schedule, zone, "
                    + "input, inbox, stale-after, deadline, notify.on, notify.webhook, notify.webhook-format, "
                    + "notify.email)");
        }
        JobDefinition.Kind kind = kind(file, value(properties, "job"));
        String schedule = value(properties, "schedule");
        if (schedule != null && !CronExpression.isValidExpression(schedule)) {
            throw problem(file, "key 'schedule': '" + schedule + "' is not a six-field cron expression such as "
                    + "'0 30 1 * * *' (01:30 every day)");
        }
        ZoneId zone = zone(file, value(properties, "zone"));
        Path base = file.toAbsolutePath().getParent();
        String inputValue = value(properties, "input");
        String inboxValue = value(properties, "inbox");
        Path input = inputValue == null ? null : base.resolve(inputValue).normalize();
        Path inbox = inboxValue == null ? null : base.resolve(inboxValue).normalize();
        if (kind == JobDefinition.Kind.SEND) {
            if (input == null && inbox == null) {
                throw problem(file, "key 'input' (a CSV file) or 'inbox' (a directory of CSV files) is required for "
                        + "job=send");
            }
            if (input != null && inbox != null) {
                throw problem(file, "keys 'input' and 'inbox' exclude each other: give one");
            }
            if (inbox != null && !Files.isDirectory(inbox)) {
                throw problem(file, "key 'inbox': " + inbox + " is not a directory");
            }
        } else if (inputValue != null || inboxValue != null) {
            throw problem(file, "key '" + (inputValue != null ? "input" : "inbox") + "' does not apply to job=cleanup");
        }
        Duration deadline = deadline(file, value(properties, "deadline"), schedule);
        return new JobDefinition(file, kind, schedule, zone, input, inbox, duration(file,
                value(properties, "stale-after")), deadline, notify(file, properties));
    }

    private static Duration deadline(Path file, String value, String schedule) {
        if (value == null) {
            return null;
        }
        if (schedule == null) {
            throw problem(file, "key 'deadline' needs a 'schedule': it counts from each fire time");
        }
        try {
            return Durations.parse(value, false);
        } catch (IllegalArgumentException e) {
            throw problem(file, "key 'deadline': " + e.getMessage());
        }
    }

    private static Notify notify(Path file, Properties properties) {
        try {
            return Notify.parse(value(properties, "notify.on"), value(properties, "notify.webhook"),
                    value(properties, "notify.webhook-format"), value(properties, "notify.email"));
        } catch (IllegalArgumentException e) {
            // The message starts with the key's own name; it never quotes the webhook's address, which may hold a token.
            throw problem(file, "key 'notify." + e.getMessage().replaceFirst(": ", "': "));
        }
    }

    /** Every definition of a jobs directory ({@code *.properties}), in name order. */
    public static List<JobDefinition> loadAll(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new JobDefinitionException(Visible.text("jobs directory not found: " + directory));
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<JobDefinition> definitions = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                definitions.add(load(file));
            }
            return definitions;
        } catch (IOException e) {
            throw new JobDefinitionException(Visible.text("cannot read the jobs directory " + directory + ": "
                    + e.getMessage()));
        }
    }

    private static Properties read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw problem(file, "job definition not found");
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw problem(file, "cannot be read as a properties file: " + e.getMessage());
        }
        return properties;
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static JobDefinition.Kind kind(Path file, String value) {
        if (value == null) {
            throw problem(file, "key 'job' is required (send or cleanup)");
        }
        for (JobDefinition.Kind kind : JobDefinition.Kind.values()) {
            if (kind.jobName().equals(value)) {
                return kind;
            }
        }
        try {
            return JobDefinition.Kind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw problem(file, "key 'job': '" + value + "' is not a job; use send (sendTransfersJob) or cleanup "
                    + "(cleanupStaleTransfersJob)");
        }
    }

    private static ZoneId zone(Path file, String value) {
        try {
            return value == null ? ZoneId.systemDefault() : ZoneId.of(value);
        } catch (DateTimeException e) {
            throw problem(file, "key 'zone': '" + value + "' is not a time zone such as Europe/Oslo or UTC");
        }
    }

    private static Duration duration(Path file, String value) {
        try {
            return value == null ? Duration.ofDays(1) : Durations.parse(value, true);
        } catch (IllegalArgumentException e) {
            throw problem(file, "key 'stale-after': " + e.getMessage());
        }
    }

    /**
     * A key is short; a long one is a line of some other file, and only its start is needed to find it. Keys and
     * values are quoted as written and may hold anything: {@link #problem} makes them visible wherever printed.
     */
    private static String excerpt(String key) {
        int cut = key.codePointCount(0, key.length()) <= 24 ? key.length() : key.offsetByCodePoints(0, 24);
        return cut == key.length() ? key : key.substring(0, cut) + "...";
    }

    private static JobDefinitionException problem(Path file, String message) {
        return new JobDefinitionException(Visible.text(file + ": " + message));
    }

    /** A job definition that cannot be used; the message is one line naming the file and the key. */
    public static final class JobDefinitionException extends RuntimeException {
        JobDefinitionException(String message) {
            super(message);
        }
    }
}
