package com.filemailbatch.ledger;

import com.filemailbatch.settings.BatchSettings;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger's collaborators: the master key, the cipher built on it, and the clock. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    TransferKeyCipher transferKeyCipher(@Value("${FILEMAIL_BATCH_SECRET:}") String secret,
            BatchSettings settings) {
        return new TransferKeyCipher(MasterKeySource.load(secret, Path.of(settings.dataDir())));
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
