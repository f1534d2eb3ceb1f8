package com.filemailbatch.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes UTF-8 strictly and drops a leading byte order mark.
 *
 * <p>The JDK's readers replace bad bytes with U+FFFD silently, which would send garbled subjects and
 * addresses. This one reports them instead, with the physical line of the bad byte: it counts line breaks
 * (CR, LF, CRLF) in what it has decoded. Characters decoded before a bad byte are still delivered first, so
 * a consumer sees problems in file order.
 */
final class StrictUtf8Reader extends Reader {

    /** A byte sequence that is not UTF-8, at a physical line (1-based). */
    static final class MalformedUtf8Exception extends IOException {

        private final long line;

        MalformedUtf8Exception(long line) {
            super("not valid UTF-8 at line " + line);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private boolean endOfInput;
    private boolean done;
    private boolean atStart = true;
    private long lineBreaks;
    private boolean lastWasCarriageReturn;
    private MalformedUtf8Exception pending;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    static StrictUtf8Reader open(Path path) throws IOException {
        return new StrictUtf8Reader(Files.newInputStream(path));
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (pending != null) {
                throw pending;
            }
            if (done) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    private void fill() throws IOException {
        chars.clear();
        while (chars.position() == 0 && !done && pending == null) {
            if (!endOfInput) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (!result.isError() && endOfInput && result.isUnderflow()) {
                result = decoder.flush(chars);
                done = result.isUnderflow();
            }
            countLineBreaks(0, chars.position());
            if (result.isError()) {
                pending = new MalformedUtf8Exception(lineBreaks + 1);
            }
        }
        chars.flip();
        if (atStart && chars.hasRemaining()) {
            atStart = false;
            if (chars.get(0) == BYTE_ORDER_MARK) {
                chars.position(1);
            }
        }
    }

    private void countLineBreaks(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = chars.get(i);
            if (c == '\r' || (c == '\n' && !lastWasCarriageReturn)) {
                lineBreaks++;
            }
            lastWasCarriageReturn = c == '\r';
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
