package com.filemailbatch.ledger;

import com.filemailbatch.settings.BatchSettings;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's collaborators: the master key (checked against the ledger), the cipher built on it, the gauges of its
 * rows per status, and the clock.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    LedgerKeys ledgerKeys(JdbcTemplate jdbc, MasterSecrets secrets, BatchSettings settings) {
        return LedgerKeys.open(jdbc, secrets.secret(), secrets.newSecret().secret(), Path.of(settings.dataDir()));
    }

    @Bean
    TransferKeyCipher transferKeyCipher(LedgerKeys keys) {
        return keys.cipher();
    }

    /** Bound to the meter registry by Spring Boot, as every {@code MeterBinder} bean is. */
    @Bean
    LedgerGauges ledgerGauges(LedgerRepository ledgerRepository) {
        return new LedgerGauges(ledgerRepository::countByStatus, System::nanoTime);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
