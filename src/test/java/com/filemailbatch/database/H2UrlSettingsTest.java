package com.filemailbatch.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * An H2 file URL given without {@code DB_CLOSE_ON_EXIT=FALSE} (or {@code WRITE_DELAY=0}) gets it, however it was
 * set; one that asks H2 to close the database on exit is refused with a line that says why.
 */
class H2UrlSettingsTest {

    @Test
    void aFileUrlWithoutTheSettingsGetsThem() {
        assertThat(H2FileUrl.withRequiredSettings("jdbc:h2:file:/var/lib/fb/db"))
                .isEqualTo("jdbc:h2:file:/var/lib/fb/db;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(H2FileUrl.withRequiredSettings("jdbc:h2:./data/db;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:./data/db;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(H2FileUrl.withRequiredSettings("jdbc:h2:file:/d/db;write_delay=100"))
                .as("a write delay chosen on purpose is kept").isEqualTo("jdbc:h2:file:/d/db;write_delay=100"
                        + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void urlsThatNeedNothingAreLeftAsTheyAre() {
        for (String url : new String[] {"jdbc:h2:file:/d/db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "jdbc:h2:file:/d/db;db_close_on_exit=false;write_delay=0", "jdbc:h2:mem:test",
                "jdbc:h2:tcp://db.example.com/fb", "jdbc:postgresql://127.0.0.1:5432/fb"}) {
            assertThat(H2FileUrl.withRequiredSettings(url)).isSameAs(url);
        }
        assertThat(H2FileUrl.withRequiredSettings(null)).isNull();
    }

    @Test
    void closingOnExitIsRefusedWithTheReason() {
        assertThatThrownBy(() -> H2FileUrl.withRequiredSettings("jdbc:h2:file:/d/db;DB_CLOSE_ON_EXIT=TRUE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spring.datasource.url sets DB_CLOSE_ON_EXIT=TRUE")
                .hasMessageContaining("Remove the setting");
    }

    @Test
    void theEnvironmentsUrlIsSettledWhereverItCameFrom() {
        StandardEnvironment environment = new StandardEnvironment();
        // Only the test's own source: this JVM's system properties name a data directory of their own.
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new MapPropertySource("test", Map.of(
                "filemail.data-dir", "/srv/fb", "spring.datasource.url", "jdbc:h2:file:${filemail.data-dir}/db")));

        H2UrlSettings.settle(environment);

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:h2:file:/srv/fb/db;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }

    @Test
    void everyApplicationRunsIt() throws Exception {
        Properties factories = PropertiesLoaderUtils.loadProperties(
                new ClassPathResource(SpringFactoriesLoader.FACTORIES_RESOURCE_LOCATION));

        assertThat(factories.getProperty(ApplicationListener.class.getName()))
                .contains(H2UrlSettings.class.getName());
    }
}
