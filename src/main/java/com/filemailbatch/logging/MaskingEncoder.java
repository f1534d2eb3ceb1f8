package com.filemailbatch.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.charset.Charset;

/**
 * Wraps an appender's encoder and passes everything it writes through {@link SecretMask}: the message, the
 * exception and its stack trace, the thread name, whatever the pattern prints. Masking the written text rather
 * than the event's message leaves no part of a line unmasked.
 */
final class MaskingEncoder extends EncoderBase<ILoggingEvent> {

    private final Encoder<ILoggingEvent> delegate;
    private final Charset charset;

    MaskingEncoder(Encoder<ILoggingEvent> delegate) {
        this.delegate = delegate;
        Charset configured = delegate instanceof LayoutWrappingEncoder<?> layout ? layout.getCharset() : null;
        this.charset = configured == null ? Charset.defaultCharset() : configured;
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
        String masked = SecretMask.mask(text);
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
