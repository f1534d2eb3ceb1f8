package com.filemailbatch.dashboard;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * A response that holds its body back until it has added the {@code Server-Timing} header: until the body ends,
 * grows past {@link #HELD} bytes (or characters, through the writer), or is flushed; an error or a redirect adds it
 * at once. From then on everything goes straight to the container's own stream or writer, which encodes, buffers
 * and completes the response as it would without this wrapper.
 */
final class TimedResponse extends HttpServletResponseWrapper {

    /** Bodies up to this size are timed whole: the dashboard's pages are well within it. */
    static final int HELD = 256 * 1024;

    private final long start;
    private final ByteArrayOutputStream heldBytes = new ByteArrayOutputStream();
    private final StringBuilder heldChars = new StringBuilder();
    private boolean timed;
    private ServletOutputStream stream;
    private PrintWriter writer;

    TimedResponse(HttpServletResponse response, long start) {
        super(response);
        this.start = start;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called for this response");
        }
        if (stream == null) {
            stream = new HeldOutputStream();
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() has already been called for this response");
        }
        if (writer == null) {
            writer = new PrintWriter(new HeldWriter());
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        release();
        super.flushBuffer();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        forgetHeld();
    }

    @Override
    public void reset() {
        super.reset();
        forgetHeld();
        // The headers are gone with the rest: time the response again.
        timed = false;
    }

    @Override
    public void sendError(int status) throws IOException {
        forgetHeld();
        time();
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        forgetHeld();
        time();
        super.sendError(status, message);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        forgetHeld();
        time();
        super.sendRedirect(location);
    }

    /**
     * The request's end in the filter (or the start of an asynchronous response): anything held is sent, after the
     * header.
     */
    void finish() throws IOException {
        release();
    }

    /** Adds the header, once, while headers can still be added. */
    private void time() {
        if (!timed) {
            timed = true;
            if (!isCommitted()) {
                setHeader(ServerTimingFilter.HEADER, ServerTimingFilter.value(System.nanoTime() - start));
            }
        }
    }

    /** Adds the header, then sends what was held; from then on everything passes through. */
    private void release() throws IOException {
        time();
        if (heldBytes.size() > 0) {
            heldBytes.writeTo(super.getOutputStream());
            heldBytes.reset();
        }
        if (heldChars.length() > 0) {
            super.getWriter().append(heldChars);
            heldChars.setLength(0);
        }
    }

    private void forgetHeld() {
        heldBytes.reset();
        heldChars.setLength(0);
    }

    private final class HeldOutputStream extends ServletOutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!timed && heldBytes.size() + length <= HELD) {
                heldBytes.write(bytes, offset, length);
            } else {
                release();
                out().write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            release();
            out().flush();
        }

        @Override
        public void close() throws IOException {
            release();
            out().close();
        }

        @Override
        public boolean isReady() {
            try {
                return out().isReady();
            } catch (IOException e) {
                return false;
            }
        }

        /** Non-blocking output writes when the container lets it: nothing is held back from then on. */
        @Override
        public void setWriteListener(WriteListener listener) {
            try {
                release();
                out().setWriteListener(listener);
            } catch (IOException e) {
                listener.onError(e);
            }
        }

        private ServletOutputStream out() throws IOException {
            return TimedResponse.super.getOutputStream();
        }
    }

    private final class HeldWriter extends Writer {

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (!timed && heldChars.length() + length <= HELD) {
                heldChars.append(chars, offset, length);
            } else {
                release();
                out().write(chars, offset, length);
            }
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            if (!timed && heldChars.length() + length <= HELD) {
                heldChars.append(text, offset, offset + length);
            } else {
                release();
                out().write(text, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            release();
            out().flush();
        }

        @Override
        public void close() throws IOException {
            release();
            out().close();
        }

        private PrintWriter out() throws IOException {
            return TimedResponse.super.getWriter();
        }
    }
}
