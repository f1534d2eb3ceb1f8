package com.filemailbatch.logging;

import java.util.Map;
import org.slf4j.MDC;
import org.springframework.core.task.TaskDecorator;

/**
 * Gives a task the log context (SLF4J's MDC) of the thread that submitted it, and gives the worker thread its own
 * back afterwards, so that the lines a step's worker threads write carry the run and the step
 * ({@link RunLogContext}) as the step's own lines do.
 */
public final class MdcTaskDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable task) {
        Map<String, String> submitter = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> own = MDC.getCopyOfContextMap();
            set(submitter);
            try {
                task.run();
            } finally {
                set(own);
            }
        };
    }

    private static void set(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
