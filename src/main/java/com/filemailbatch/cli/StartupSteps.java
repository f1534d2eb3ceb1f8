package com.filemailbatch.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.ApplicationStartup;

/**
 * With {@code -Dfilemail.startup-steps=N}, the N longest steps of the application's start (Spring's own
 * {@code ApplicationStartup} steps: bean instantiations, configuration class processing, refresh phases) on standard
 * error, so that where a command's start-up goes can be read without a profiler. Off, Spring's default no-op.
 */
final class StartupSteps {

    private static final String PROPERTY = "filemail.startup-steps";

    private StartupSteps() {
    }

    static ApplicationStartup startup() {
        return Integer.getInteger(PROPERTY, 0) > 0 ? new BufferingApplicationStartup(100_000) : ApplicationStartup.DEFAULT;
    }

    static void report(ConfigurableApplicationContext context, PrintStream err) {
        if (!(context.getBeanFactory().getApplicationStartup() instanceof BufferingApplicationStartup buffering)) {
            return;
        }
        StartupTimeline timeline = buffering.getBufferedTimeline();
        err.printf("start-up steps (%d), the longest first:%n", timeline.getEvents().size());
        timeline.getEvents().stream()
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(Integer.getInteger(PROPERTY))
                .forEach(event -> err.printf("%6d ms  %s %s%n", event.getDuration().toMillis(),
                        event.getStartupStep().getName(), tags(event)));
        err.printf("whole refresh as recorded: %d ms%n", Duration.between(timeline.getStartTime(),
                java.time.Instant.now()).toMillis());
    }

    private static String tags(StartupTimeline.TimelineEvent event) {
        StringBuilder tags = new StringBuilder();
        event.getStartupStep().getTags().forEach(tag -> tags.append(tag.getKey()).append('=').append(tag.getValue())
                .append(' '));
        return tags.toString().strip();
    }
}
