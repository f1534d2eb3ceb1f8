package com.filemailbatch.workers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Uploads on worker processes, bound from {@code filemail.workers.*}. The broker is Spring Boot's
 * {@code spring.rabbitmq.*}.
 *
 * @param enabled        whether the upload step is sent to workers over RabbitMQ (the manager side); false, the
 *                       default, uploads in the job's own process
 * @param queue          the RabbitMQ queue of partition requests, durable; one per installation (database)
 * @param partitions     how many partitions a run's uploads are split into, at most (fewer when there are fewer
 *                       transfers); more partitions than workers spread the load evenly
 * @param pollInterval   how often the manager reads the partitions' progress from the database
 * @param heartbeat      how often a worker records that it is alive and working on its partition
 * @param lostAfter      a partition whose worker recorded no heartbeat for this long is sent again, for another worker
 *                       to take over (a killed worker, a machine that went away)
 * @param waitForWorkers how long the manager waits with no worker working on any of its partitions (none started
 *                       yet, or all gone) before the run fails, resumably
 * @param name           how a worker is named in the history; empty: {@code pid@host}
 */
@ConfigurationProperties("filemail.workers")
public record WorkersProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("filemail-batch.upload-partitions") String queue,
        @DefaultValue("16") int partitions,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("5s") Duration heartbeat,
        @DefaultValue("1m") Duration lostAfter,
        @DefaultValue("10m") Duration waitForWorkers,
        @DefaultValue("") String name) {

    public WorkersProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("filemail.workers.partitions must be at least 1, got " + partitions);
        }
        if (lostAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("filemail.workers.lost-after (" + lostAfter + ") must be at least three "
                    + "heartbeats (filemail.workers.heartbeat " + heartbeat + "): a busy worker would look lost");
        }
    }
}
