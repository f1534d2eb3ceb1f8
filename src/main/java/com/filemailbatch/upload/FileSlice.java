package com.filemailbatch.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The bytes {@code [start, start + length)} of an open file, read with positional reads so that several slices
 * (a retried chunk, the next chunk) can share one channel, and so only the HTTP client's small buffer is ever in
 * memory. Closing it leaves the channel open: the uploader owns that.
 */
final class FileSlice extends InputStream {

    private final FileChannel channel;
    private final long end;
    private final Bandwidth bandwidth;
    private long position;

    FileSlice(FileChannel channel, long start, long length) {
        this(channel, start, length, Bandwidth.UNLIMITED);
    }

    /** @param bandwidth the process's cap, each read counted against it */
    FileSlice(FileChannel channel, long start, long length, Bandwidth bandwidth) {
        this.channel = channel;
        this.position = start;
        this.end = start + length;
        this.bandwidth = bandwidth;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        long left = end - position;
        if (left <= 0) {
            return -1;
        }
        int read = channel.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, left)), position);
        if (read > 0) {
            position += read;
            bandwidth.sent(read);
        }
        return read;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, end - position));
    }
}
