package com.filemailbatch.filemail;

import feign.Client;
import feign.Logger;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import feign.http2client.Http2Client;
import java.net.http.HttpClient;
import java.time.Duration;
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

    /**
     * Bodies as JSON without Spring's message-converter chain (see {@link JsonCodec}): the client's encoder and its
     * decoder, one bean of both types.
     */
    @Bean
    JsonCodec filemailJsonCodec(ObjectMapper objectMapper) {
        return new JsonCodec(objectMapper);
    }

    /**
     * HTTP/1.1 over {@code java.net.http}: pooled keep-alive connections, error bodies kept (so a 401 still says
     * which key problem it is), no redirects followed (an API key must not follow a redirect elsewhere), and a POST
     * is never resent by the transport on its own. Timeouts come per request from the Feign options.
     */
    @Bean
    Client filemailHttpClient() {
        return new Http2Client(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build());
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
