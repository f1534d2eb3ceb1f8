package com.filemailbatch.upload;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The cap on how fast this process sends file bytes ({@code filemail.upload.max-bytes-per-second}): one token bucket
 * shared by every upload of the process, every transfer and every file at once, so that a nightly run does not
 * saturate the office's link. A second's worth of bytes may go at once; beyond that each read of a file waits until
 * the average is back under the cap. Unlimited (0) costs nothing.
 */
public final class Bandwidth {

    /** No cap. */
    public static final Bandwidth UNLIMITED = new Bandwidth(0, System::nanoTime);

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final long bytesPerSecond;
    private final LongSupplier nanoTime;
    /** Bytes that may go now; negative: owed, to be waited for. */
    private double allowance;
    private long last;

    Bandwidth(long bytesPerSecond, LongSupplier nanoTime) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytes per second must not be negative, was " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.nanoTime = nanoTime;
        this.allowance = bytesPerSecond;
        this.last = nanoTime.getAsLong();
    }

    /** @param bytesPerSecond the cap, or 0 for none */
    public static Bandwidth of(long bytesPerSecond) {
        return bytesPerSecond == 0 ? UNLIMITED : new Bandwidth(bytesPerSecond, System::nanoTime);
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /**
     * Takes {@code bytes} from the bucket. @return how long the caller must wait before sending more, in
     * nanoseconds (0 while under the cap)
     */
    synchronized long take(long bytes) {
        if (bytesPerSecond == 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        allowance = Math.min(bytesPerSecond, allowance + (now - last) * (double) bytesPerSecond / NANOS_PER_SECOND);
        last = now;
        allowance -= bytes;
        return allowance >= 0 ? 0 : (long) Math.ceil(-allowance * NANOS_PER_SECOND / bytesPerSecond);
    }

    /** What may go now (negative: owed), for tests. */
    synchronized double allowance() {
        return allowance;
    }

    /** Counts {@code bytes} just read for sending, and waits as long as the cap asks. */
    void sent(long bytes) throws InterruptedIOException {
        long wait = take(bytes);
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                // A cancelled upload (a stopping run, a failed sibling file) ends here, as a read would.
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("upload cancelled while held to the bandwidth cap");
            }
        }
    }
}
