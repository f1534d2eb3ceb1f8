/**
 * Uploads spread over worker processes: Spring Batch remote partitioning over RabbitMQ. With
 * {@code filemail.workers.enabled}, the upload step of the process that runs the job (the manager) splits the
 * transfers to deliver into partitions by ledger id and sends one request per partition to a RabbitMQ queue; each
 * {@code worker} process takes one request at a time and runs the partition's step against the shared job repository
 * and ledger. Partition claims and heartbeats live in {@code upload_partition} (owned by
 * {@link com.filemailbatch.workers.UploadPartitions}), so that a partition whose worker died is run again by another
 * one, and a worker never starts a partition another live worker holds. Initialize and cleanup stay in the manager.
 */
package com.filemailbatch.workers;
