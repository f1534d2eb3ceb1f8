package com.filemailbatch.upload;

import static com.filemailbatch.upload.UploadSandbox.CHUNK;
import static com.filemailbatch.upload.UploadSandbox.randomFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bandwidth cap's arithmetic on a clock the test moves (how fast uploads really go under a cap is a benchmark's
 * figure, not a test's), and proof that every byte an upload sends passes through it.
 */
class BandwidthTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);

    @TempDir
    Path dir;

    @Test
    void aSecondsWorthGoesAtOnceThenEachByteWaitsItsShare() {
        Bandwidth cap = new Bandwidth(1000, now::get);

        assertThat(cap.take(1000)).isZero();
        assertThat(cap.take(500)).as("half a second owed").isEqualTo(SECOND / 2);
        now.addAndGet(SECOND / 2);
        assertThat(cap.take(100)).as("the debt paid, 100 bytes more").isEqualTo(SECOND / 10);
    }

    @Test
    void anIdleCapSavesUpOneSecondAtMost() {
        Bandwidth cap = new Bandwidth(1000, now::get);
        cap.take(1000);

        now.addAndGet(10 * SECOND);

        assertThat(cap.take(1500)).isEqualTo(SECOND / 2);
    }

    @Test
    void noCapNeverWaits() {
        assertThat(Bandwidth.of(0)).isSameAs(Bandwidth.UNLIMITED);
        assertThat(Bandwidth.UNLIMITED.take(Long.MAX_VALUE / 2)).isZero();
        assertThatThrownBy(() -> new Bandwidth(-1, now::get)).hasMessage("bytes per second must not be negative, "
                + "was -1");
    }

    @Test
    void everyByteAnUploadSendsIsCountedAgainstTheCap() throws Exception {
        // A cap so high that nothing waits, on a clock that stands still: what left the bucket is what was sent.
        long rate = 1_000_000_000_000L;
        Bandwidth cap = new Bandwidth(rate, () -> 0L);
        Path file = randomFile(dir, "capped.bin", 3L * CHUNK + 777);
        try (UploadSandbox box = new UploadSandbox()) {
            FileUploader.withAnyChunkSize(UploadSandbox.policy(1), CHUNK, cap).upload(box.target, file);

            assertThat(box.stored("capped.bin").size()).isEqualTo(3L * CHUNK + 777);
        }
        assertThat(rate - cap.allowance()).isEqualTo(3L * CHUNK + 777);
    }
}
