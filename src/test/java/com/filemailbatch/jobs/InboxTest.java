package com.filemailbatch.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxTest {

    @TempDir
    Path dir;

    private Path inboxDir;
    private Inbox inbox;

    @BeforeEach
    void createInbox() throws IOException {
        inboxDir = Files.createDirectories(dir.resolve("inbox"));
        inbox = new Inbox(inboxDir);
    }

    @Test
    void pendingFilesAreTheCsvFilesInNameOrder() throws IOException {
        write("b.csv", "b");
        write("a.csv", "a");
        write("C.CSV", "c");
        write("notes.txt", "not a csv");
        Files.createDirectories(inboxDir.resolve("folder.csv"));

        assertThat(inbox.pending()).extracting(path -> path.getFileName().toString())
                .containsExactly("C.CSV", "a.csv", "b.csv");
    }

    @Test
    void anEntryThatIsALinkIsSkippedWhateverItPointsTo() throws IOException {
        Path outside = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createSymbolicLink(inboxDir.resolve("passwd.csv"), outside);
        Files.createSymbolicLink(inboxDir.resolve("inside.csv"), write("real.csv", "reference,subject"));

        assertThat(inbox.pending()).extracting(path -> path.getFileName().toString()).containsExactly("real.csv");
    }

    @Test
    void archivedAndRejectedFilesGoBesideTheInboxWithTheirContent() throws IOException {
        Path a = write("a.csv", "alpha");
        Path b = write("b.csv", "beta");

        Path archived = inbox.archive(a);
        Path rejected = inbox.reject(b);

        assertThat(archived).isEqualTo(dir.resolve("archive/a.csv"));
        assertThat(rejected).isEqualTo(dir.resolve("error/b.csv"));
        assertThat(Files.readString(archived)).isEqualTo("alpha");
        assertThat(Files.readString(rejected)).isEqualTo("beta");
        assertThat(inbox.pending()).isEmpty();
    }

    @Test
    void aNameAlreadyTakenIsNeverOverwritten() throws IOException {
        Files.createDirectories(dir.resolve("archive"));
        Files.writeString(dir.resolve("archive/a.csv"), "yesterday");
        Files.writeString(dir.resolve("archive/a-1.csv"), "the day before");

        Path archived = inbox.archive(write("a.csv", "today"));

        assertThat(archived).isEqualTo(dir.resolve("archive/a-2.csv"));
        assertThat(Files.readString(archived)).isEqualTo("today");
        assertThat(Files.readString(dir.resolve("archive/a.csv"))).isEqualTo("yesterday");
        assertThat(Files.readString(dir.resolve("archive/a-1.csv"))).isEqualTo("the day before");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(inboxDir.resolve(name), content);
    }
}
