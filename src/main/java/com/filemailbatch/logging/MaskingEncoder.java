package com.filemailbatch.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Wraps an appender's encoder and passes everything it writes through {@link SecretMask}: the message, the
 * exception and its stack trace, the thread name, whatever the pattern prints. Masking the written text rather
 * than the event's message leaves no part of a line unmasked. A structured line (one JSON object: Spring Boot's
 * {@code logging.structured.format.*}) is masked value by value ({@link JsonLineMask}), so it stays valid JSON.
 */
final class MaskingEncoder extends EncoderBase<ILoggingEvent> {

    private final Encoder<ILoggingEvent> delegate;
    private final Charset charset;

    MaskingEncoder(Encoder<ILoggingEvent> delegate) {
        this.delegate = delegate;
        Charset configured = delegate instanceof LayoutWrappingEncoder<?> layout ? layout.getCharset() : null;
        // Spring Boot's structured encoder writes logging.charset.file, UTF-8 unless set otherwise, as JSON is.
        this.charset = configured == null ? StandardCharsets.UTF_8 : configured;
        setContext(delegate.getContext());
    }

    Encoder<ILoggingEvent> delegate() {
        return delegate;
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] bytes = delegate.encode(event);
        if (bytes == null || bytes.length == 0) {
            return bytes;
        }
        String text = new String(bytes, charset);
        String json = text.charAt(0) == '{' ? JsonLineMask.mask(text) : null;
        String masked = json != null ? json : SecretMask.mask(text);
        return masked == text ? bytes : masked.getBytes(charset);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }

    @Override
    public void start() {
        if (!delegate.isStarted()) {
            delegate.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        delegate.stop();
        super.stop();
    }
}
