package com.filemailbatch.workers;

/** Where a partition of an upload step stands in {@code upload_partition}. */
public enum PartitionState {
    /** Sent, and no worker has claimed it yet. */
    WAITING,
    /** A worker claimed it and beats its heartbeat (or did, until it went silent). */
    RUNNING,
    /** Its worker finished it: the partition's batch status is in {@code outcome}. */
    ENDED,
    /** Its run stopped or failed before a worker claimed it: no worker starts it any more. */
    WITHDRAWN
}
