package com.filemailbatch.filemail;

import feign.Logger;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.ObjectMapper;

/**
 * Beans of the {@code filemail} Feign client only. Deliberately not a {@code @Configuration}: component scanning
 * must not make these the defaults of every Feign client.
 */
class FilemailClientConfiguration {

    /** The documented headers on every call; the key comes from the properties, never from a job parameter. */
    @Bean
    RequestInterceptor filemailHeaders(FilemailProperties properties) {
        return template -> {
            template.header("x-api-key", properties.apiKey());
            template.header("x-api-version", "2.0");
        };
    }

    @Bean
    ErrorDecoder filemailErrorDecoder(ObjectMapper objectMapper) {
        return new FilemailErrorDecoder(objectMapper);
    }

    /** Retries are decided above the client, in one place; Feign itself never retries. */
    @Bean
    Retryer filemailRetryer() {
        return Retryer.NEVER_RETRY;
    }

    /** Feign's request log would print headers, the API key among them: this one masks every secret. */
    @Bean
    Logger filemailLogger() {
        return new RedactingFeignLogger();
    }
}
