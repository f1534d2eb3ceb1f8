package com.filemailbatch.startup;

import javax.sql.DataSource;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database opens and migrates while the application starts, also where beans are made when first asked for
 * ({@link ContextScope#DATA}): every command reads it, a database that cannot be used is a start-up error (exit 78,
 * "cannot start"), and the files it creates exist by the time the data directory is made its owner's only.
 */
@Configuration(proxyBeanMethods = false)
class EagerDatabase {

    @Bean
    static LazyInitializationExcludeFilter databaseOpensAtStart() {
        return LazyInitializationExcludeFilter.forBeanTypes(DataSource.class, FlywayMigrationInitializer.class);
    }
}
