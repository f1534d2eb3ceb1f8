package com.filemailbatch.csv;

import static com.filemailbatch.csv.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Every file-level problem fails {@code open} with one exact line, before any row is returned. */
class InputFileProblemsTest {

    @TempDir
    Path dir;

    @Test
    void emptyFile() {
        assertOpenFails(csv("empty.csv"), ": the file is empty; a header row is required");
    }

    @Test
    void fileWithOnlyAByteOrderMarkIsEmpty() {
        assertOpenFails(csv("bom-only.csv"), ": the file is empty; a header row is required");
    }

    @Test
    void blankFirstLine() {
        assertOpenFails(csv("blank-header.csv"), ": line 1: the line is blank; a header row is required");
    }

    @Test
    void unknownColumn() {
        assertOpenFails(csv("unknown-column.csv"), ": line 1: unknown column 'sujbect' (known columns: reference, "
                + "subject, to, message, password, days, notify, confirmation, files)");
    }

    @Test
    void missingSubjectColumn() {
        assertOpenFails(csv("missing-subject.csv"), ": line 1: column 'subject' is required in the header");
    }

    @Test
    void duplicateColumnInAnotherCase() {
        assertOpenFails(csv("duplicate-column.csv"), ": line 1: column 'to' appears twice");
    }

    @Test
    void columnWithoutName() {
        assertOpenFails(csv("unnamed-column.csv"), ": line 1, column 3: the column has no name");
    }

    @Test
    void quoteNeverClosedIsReportedWhereItOpened() {
        assertOpenFails(csv("unclosed-quote.csv"), ": line 6: a quoted field opened here is never closed");
    }

    @Test
    void textAfterAClosingQuote() {
        assertOpenFails(csv("text-after-quote.csv"), ": line 3: unexpected 'x' after the closing quote of a field; "
                + "write a quote inside a quoted field as two quotes (\"\")");
    }

    @Test
    void badUtf8ByteAtAKnownLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("subject,message\nok,\"two\r\nlines\"\r\nfine,caf\u00e9\n".getBytes(StandardCharsets.UTF_8));
        bytes.write("bad,caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // Latin-1 e-acute: not UTF-8
        bytes.write("\nlast,row\n".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("latin1.csv");
        Files.write(file, bytes.toByteArray());

        assertOpenFails(file, ": line 5: not valid UTF-8 (bad byte sequence)");
    }

    @Test
    void badUtf8ByteFarIntoTheFileIsFoundBeforeAnythingIsRead() throws Exception {
        StringBuilder rows = new StringBuilder("subject\n");
        for (int i = 0; i < 5_000; i++) {
            rows.append("row ").append(i).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(rows.toString().getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xC3}); // a truncated two-byte sequence at the very end
        Path file = dir.resolve("truncated.csv");
        Files.write(file, bytes.toByteArray());

        assertOpenFails(file, ": line 5002: not valid UTF-8 (bad byte sequence)");
    }

    @Test
    void headerProblemIsReportedBeforeABadByteFurtherOn() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("subject,colour\nx,".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF);
        Path file = dir.resolve("both.csv");
        Files.write(file, bytes.toByteArray());

        assertOpenFails(file, ": line 1: unknown column 'colour' (known columns: reference, subject, to, message, "
                + "password, days, notify, confirmation, files)");
    }

    @Test
    void aFileThatIsNotATransferDefinitionFileIsNotQuotedBack() throws Exception {
        Path file = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                + "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");

        assertOpenFails(file, ": line 1: no column of the header is one this tool knows (known columns: reference, "
                + "subject, to, message, password, days, notify, confirmation, files); this is not a transfer "
                + "definition file, and its content is not shown");
    }

    @Test
    void anUnknownColumnIsQuotedOnlyAsFarAsNeededToFindIt() throws Exception {
        Path file = Files.writeString(dir.resolve("long.csv"), "subject,0123456789abcdefghijklmnopqrstuvwxyz-secret\n");

        assertOpenFails(file, ": line 1: unknown column '0123456789abcdefghijklmn...' (known columns: reference, "
                + "subject, to, message, password, days, notify, confirmation, files)");
    }

    @Test
    void fileNotFound() {
        assertOpenFails(dir.resolve("missing.csv"), ": file not found");
    }

    @Test
    void directory() {
        assertOpenFails(dir, ": is a directory, not a file");
    }

    private static void assertOpenFails(Path file, String expectedAfterFileName) {
        TransferDefinitionReader reader = new TransferDefinitionReader(file);

        assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + expectedAfterFileName);
    }
}
