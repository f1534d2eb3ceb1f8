package com.filemailbatch.filemail;

import feign.Response;
import feign.RequestTemplate;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * The Filemail client's bodies as JSON, with the application's {@link ObjectMapper} (the same one Spring's message
 * converters would use), one reader and one writer per type, built once. Spring's encoder and decoder went through
 * the message-converter chain and built a Jackson reader per answer: about a fifth of a call thread's time, for
 * every call.
 */
final class JsonCodec implements Encoder, Decoder {

    private final ObjectMapper json;
    private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();
    private final Map<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

    JsonCodec(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void encode(Object body, Type bodyType, RequestTemplate template) {
        try {
            ObjectWriter writer = writers.computeIfAbsent(bodyType, type -> json.writerFor(json.constructType(type)));
            template.body(writer.writeValueAsBytes(body), StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new EncodeException("could not write the request body as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** An answer without a body decodes to null, as Spring's decoder did. */
    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (response.body() == null) {
            return null;
        }
        ObjectReader reader = readers.computeIfAbsent(type, t -> json.readerFor(json.constructType(t)));
        try (InputStream in = response.body().asInputStream()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? null : reader.readValue(bytes);
        } catch (JacksonException e) {
            throw new DecodeException(response.status(), "the answer is not the expected JSON: "
                    + e.getOriginalMessage(), response.request(), e);
        }
    }
}
