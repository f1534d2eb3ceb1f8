package com.filemailbatch.liveness;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The run lock ({@code filemail.lock.*}).
 *
 * @param atMostFor how long a lock outlives a holder that stops extending it (crash, lost machine); the holder
 *                  extends it every quarter of this while its run lives
 */
@ConfigurationProperties("filemail.lock")
public record LockProperties(@DefaultValue("PT2M") Duration atMostFor) {

    public LockProperties {
        if (atMostFor.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("filemail.lock.at-most-for must be at least 1 second, was " + atMostFor);
        }
    }

    Duration extendEvery() {
        return atMostFor.dividedBy(4);
    }
}
