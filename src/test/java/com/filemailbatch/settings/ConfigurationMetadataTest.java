package com.filemailbatch.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metadata an IDE reads to complete and explain the properties: written by Spring Boot's configuration processor
 * from the properties records (their javadoc as descriptions) and merged with the hand-written additions for the
 * settings bound elsewhere.
 */
class ConfigurationMetadataTest {

    @Test
    void everyKnownPropertyIsListedWithADescription() throws Exception {
        Map<String, JsonNode> properties = properties();

        assertThat(properties).containsKeys("filemail.data-dir", "filemail.reports-dir", "filemail.h2-compact-min-mb",
                "filemail.notify.deliver-within", "filemail.lock.at-most-for", "filemail.upload.chunk-size",
                "filemail.dashboard.users", "filemail.dashboard.trusted-header", "filemail.dashboard.url",
                "filemail.sandbox", "filemail.batch.secret", "filemail.batch.new.secret");
        assertThat(properties.get("filemail.data-dir").path("description").asString())
                .startsWith("where the default H2 database");
        assertThat(properties.get("filemail.data-dir").path("defaultValue").asString()).isEqualTo("./data");
        assertThat(properties.get("filemail.notify.deliver-within").path("description").asString()).isNotBlank();
        assertThat(properties.get("filemail.dashboard.users").path("description").asString()).contains("role");
        assertThat(properties.values()).allSatisfy(property -> assertThat(property.path("description").asString())
                .as(property.path("name").asString()).isNotBlank());
    }

    private static Map<String, JsonNode> properties() throws Exception {
        try (InputStream in = ConfigurationMetadataTest.class
                .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's output").isNotNull();
            Map<String, JsonNode> byName = new HashMap<>();
            JsonMapper.builder().build().readTree(in).path("properties")
                    .forEach(property -> byName.put(property.path("name").asString(), property));
            return byName;
        }
    }
}
