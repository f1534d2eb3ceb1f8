package com.filemailbatch.launch;

import com.filemailbatch.jobs.JobDefinition;

/**
 * Told how each real (not dry) run of a job definition ended, by {@link DefinitionRunner}: the notifications
 * listen. Called on the launching thread, before a SIGTERM received meanwhile closes the application.
 */
public interface LaunchListener {

    /** Listens to nothing. */
    LaunchListener NONE = new LaunchListener() {
        @Override
        public void ended(JobDefinition definition, Launch launch) {
        }

        @Override
        public void crashed(JobDefinition definition, Exception error) {
        }
    };

    /** One launch of {@code definition} ended (an inbox's definition launches once per file). */
    void ended(JobDefinition definition, Launch launch);

    /** A launch of {@code definition} threw instead of ending: it is rethrown after this returns. */
    void crashed(JobDefinition definition, Exception error);
}
