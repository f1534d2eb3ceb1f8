package com.filemailbatch.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.filemailbatch.csv.FilesProperties;
import com.filemailbatch.filemail.SentTransfer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The user-facing upload settings, and where an adopted transfer's files go. */
class UploadSettingsTest {

    @Test
    void chunkSizeStaysWithinFiveToFiftyMegabytesAndParallelFilesWithinOneToFour() {
        assertThat(new UploadProperties(DataSize.ofMegabytes(5), 1, DataSize.ofBytes(0)).chunkSize().toBytes()).isEqualTo(5 * 1024 * 1024);
        assertThat(new UploadProperties(DataSize.ofMegabytes(50), 4, DataSize.ofBytes(0)).parallelFiles()).isEqualTo(4);
        assertThatThrownBy(() -> new UploadProperties(DataSize.ofBytes(5 * 1024 * 1024 - 1), 2, DataSize.ofBytes(0)))
                .hasMessage("filemail.upload.chunk-size must be between 5MB and 50MB, got 5242879B");
        assertThatThrownBy(() -> new UploadProperties(DataSize.ofMegabytes(51), 2, DataSize.ofBytes(0)))
                .hasMessageContaining("filemail.upload.chunk-size must be between 5MB and 50MB");
        assertThatThrownBy(() -> new UploadProperties(DataSize.ofMegabytes(20), 5, DataSize.ofBytes(0)))
                .hasMessage("filemail.upload.parallel-files must be between 1 and 4, got 5");
        assertThatThrownBy(() -> new UploadProperties(DataSize.ofMegabytes(20), 0, DataSize.ofBytes(0)))
                .hasMessageContaining("parallel-files");
        assertThat(new UploadProperties(DataSize.ofMegabytes(20), 2, DataSize.ofMegabytes(10)).maxBytesPerSecond()
                .toBytes()).isEqualTo(10 * 1024 * 1024);
        assertThatThrownBy(() -> new UploadProperties(DataSize.ofMegabytes(20), 2, DataSize.ofBytes(-1)))
                .hasMessage("filemail.upload.max-bytes-per-second must not be negative, got -1B");
    }

    @Test
    void theBaseDirectoryIsTheInputsOwnDirectoryUnlessConfigured() {
        assertThat(new FilesProperties("").baseDirFor(Path.of("/data/in/orders.csv"))).isEqualTo(Path.of("/data/in"));
        assertThat(new FilesProperties("/srv/outbox").baseDirFor(Path.of("/data/in/orders.csv")))
                .isEqualTo(Path.of("/srv/outbox"));
    }

    @Test
    void anAdoptedTransfersUploadUrlIsItsFileServerWithTheSavefilePath() {
        assertThat(sent("https://8888.filemail.com").uploadUrl()).isEqualTo("https://8888.filemail.com/savefile.ashx");
        assertThat(sent("https://8888.filemail.com/").uploadUrl()).isEqualTo("https://8888.filemail.com/savefile.ashx");
        assertThat(sent("8888.filemail.com").uploadUrl()).isEqualTo("https://8888.filemail.com/savefile.ashx");
        assertThat(sent("https://8888.filemail.com/savefile.ashx").uploadUrl())
                .isEqualTo("https://8888.filemail.com/savefile.ashx");
        assertThat(sent(null).uploadUrl()).isNull();
        assertThat(sent(" ").uploadUrl()).isNull();
    }

    @Test
    void transferKeysInErrorTextsAreRedacted() {
        assertThat(UploadTransferProcessor.redact("POST https://x/savefile.ashx?transferid=1&transferkey=secret-key"
                + "&thefilename=a failed")).isEqualTo("POST https://x/savefile.ashx?transferid=1&transferkey=***"
                + "&thefilename=a failed");
    }

    private static SentTransfer sent(String fileServer) {
        return new SentTransfer("id", "key", "subject", null, null, 0L, "STATUS_INITIALIZED", false, null,
                fileServer);
    }
}
