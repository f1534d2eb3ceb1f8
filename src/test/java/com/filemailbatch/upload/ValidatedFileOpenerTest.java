package com.filemailbatch.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.filemailbatch.ledger.ValidatedFiles;
import com.filemailbatch.liveness.ThisProcess;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file validated on one machine and uploaded by a worker on another, over shared storage: there the device number
 * (part of the file's identity here) differs, so size and modification time say whether it is the same file.
 */
class ValidatedFileOpenerTest {

    @TempDir
    Path base;

    @Test
    void onAnotherMachineTheSameFileOpensThoughItsDeviceAndInodeDiffer() throws Exception {
        Path file = Files.writeString(base.resolve("report.pdf"), "twelve bytes");

        try (FileChannel channel = ValidatedFileOpener.open(base.toRealPath().toString(),
                validated(file, "(dev=999,ino=1)", "worker-elsewhere"))) {
            assertThat(channel.size()).isEqualTo(12);
        }
    }

    @Test
    void onAnotherMachineAFileModifiedSinceItsValidationIsRefused() throws Exception {
        Path file = Files.writeString(base.resolve("report.pdf"), "twelve bytes");
        ValidatedFiles.File validated = validated(file, "(dev=999,ino=1)", "worker-elsewhere");
        Files.setLastModifiedTime(file, FileTime.fromMillis(validated.modified() + 5_000));

        assertThatThrownBy(() -> ValidatedFileOpener.open(base.toRealPath().toString(), validated))
                .isInstanceOf(ValidatedFileOpener.FileNotAsValidatedException.class)
                .hasMessageContaining("modified or replaced since its row was validated on worker-elsewhere");
    }

    @Test
    void onTheMachineThatValidatedItAnotherIdentityIsRefused() throws Exception {
        Path file = Files.writeString(base.resolve("report.pdf"), "twelve bytes");

        assertThatThrownBy(() -> ValidatedFileOpener.open(base.toRealPath().toString(),
                validated(file, "(dev=999,ino=1)", ThisProcess.host())))
                .isInstanceOf(ValidatedFileOpener.FileNotAsValidatedException.class)
                .hasMessageContaining("another file is in its place");
    }

    private static ValidatedFiles.File validated(Path file, String fileKey, String host) throws Exception {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new ValidatedFiles.File(file.toString(), file.toRealPath().toString(), fileKey, attributes.size(),
                attributes.lastModifiedTime().toMillis(), host);
    }
}
