package com.filemailbatch.liveness;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ownership listener every job registers. */
@Configuration(proxyBeanMethods = false)
class LivenessConfiguration {

    @Bean
    RunOwnershipListener runOwnershipListener(RunOwnerRepository runOwnerRepository) {
        return new RunOwnershipListener(runOwnerRepository);
    }
}
