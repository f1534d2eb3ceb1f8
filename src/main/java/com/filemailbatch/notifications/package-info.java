/**
 * Notifications: when a run of a job definition fails, has problems or succeeds, or a scheduled definition misses
 * its deadline, a notice is written to the outbox ({@code notification_outbox}, owned by {@link
 * com.filemailbatch.notifications.NotificationOutbox}) before the process ends, then delivered from there by
 * webhook or e-mail, with retries and backoff, by that process or the next one. A channel that is down never fails a
 * run, and delays its exit by {@code filemail.notify.deliver-within} at most.
 */
package com.filemailbatch.notifications;
