package com.filemailbatch.csv;

import static com.filemailbatch.csv.Fixtures.csv;
import static com.filemailbatch.csv.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class TransferDefinitionReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryColumnRawWithTheLineWhereEachRecordStarts() throws Exception {
        Path file = csv("orders.csv");

        List<TransferDefinition> rows = readAll(file);

        assertThat(rows).containsExactly(
                new TransferDefinition(file.toString(), 2, "INV-1", "Invoice March", "alice@example.com", "Hello",
                        "s3cret", "7", "true", "false", "/data/a.pdf;/data/b.pdf", null),
                new TransferDefinition(file.toString(), 3, null, "Report, Q1", "bob@example.com; carol@example.org",
                        "Line one\nline two\nline three", null, "-1", "FALSE", "TRUE", " /data/r.xlsx ;", null),
                new TransferDefinition(file.toString(), 7, null, "Plain", null, null, null, null, null, null, null,
                        null),
                new TransferDefinition(file.toString(), 8, "INV-4", "He said \"hi\"", "dave@example.com", null, null,
                        null, null, null, null, null));
    }

    @Test
    void acceptsByteOrderMarkAndCrlfKeepingEmbeddedCrlf() throws Exception {
        List<TransferDefinition> rows = readAll(csv("bom-crlf.csv"));

        assertThat(rows).extracting(TransferDefinition::line, TransferDefinition::subject, TransferDefinition::message)
                .containsExactly(
                        tuple(2L, "First", "two\r\nlines"),
                        tuple(4L, "Second", "plain"),
                        tuple(6L, "Third", "a\r\nb\r\nc"),
                        tuple(9L, "Fourth", "end"));
    }

    @Test
    void matchesHeaderNamesTrimmedAndCaseInsensitivelyInAnyOrder() throws Exception {
        assertThat(readAll(csv("header-case.csv"))).singleElement().satisfies(row -> {
            assertThat(row.subject()).isEqualTo("Hi there");
            assertThat(row.to()).isEqualTo("x@example.com");
            assertThat(row.days()).isEqualTo("3");
            assertThat(row.files()).isEqualTo("a.txt");
            assertThat(row.reference()).isNull();
            assertThat(row.structureProblem()).isNull();
        });
    }

    @Test
    void skipsBlankLinesWithoutCountingThem() throws Exception {
        TransferDefinitionReader reader = new TransferDefinitionReader(csv("blank-lines.csv"));
        reader.open(new ExecutionContext());

        List<TransferDefinition> rows = Fixtures.readRest(reader);

        assertThat(reader.totalRows()).isEqualTo(2);
        assertThat(rows).extracting(TransferDefinition::line, TransferDefinition::subject)
                .containsExactly(tuple(3L, "first"), tuple(7L, "second"));
        reader.close();
    }

    @Test
    void reportsRowsWithTooManyOrTooFewFieldsAsStructureProblems() throws Exception {
        List<TransferDefinition> rows = readAll(csv("structure.csv"));

        assertThat(rows).extracting(TransferDefinition::line, TransferDefinition::subject,
                        TransferDefinition::structureProblem)
                .containsExactly(
                        tuple(2L, "ok", null),
                        tuple(3L, "too", "5 fields, the header has 3"),
                        tuple(4L, "too few", "1 field, the header has 3"),
                        tuple(5L, "again", null));
        assertThat(rows.get(2).to()).isNull();
    }

    @Test
    void readsAQuotedFieldWithLineBreaksAtTheEndOfTheFileWithoutAFinalNewline() throws Exception {
        assertThat(readAll(csv("quoted-at-end.csv")))
                .extracting(TransferDefinition::line, TransferDefinition::subject, TransferDefinition::message)
                .containsExactly(tuple(2L, "One", "multi\nline"), tuple(4L, "Two", "last\nrow"));
    }

    @Test
    void allowsSpacesBetweenAClosingQuoteAndTheComma() throws Exception {
        Path file = dir.resolve("spaces.csv");
        Files.writeString(file, "subject,message\n\"a\"  ,\"b\" \nc,d\n");

        assertThat(readAll(file)).extracting(TransferDefinition::line, TransferDefinition::subject,
                TransferDefinition::message).containsExactly(tuple(2L, "a", "b"), tuple(3L, "c", "d"));
    }

    @Test
    void countsDataRowsInThePreflight() {
        TransferDefinitionReader reader = new TransferDefinitionReader(csv("orders.csv"));

        assertThatThrownBy(reader::totalRows).isInstanceOf(IllegalStateException.class);
        reader.open(new ExecutionContext());
        assertThat(reader.totalRows()).isEqualTo(4);
        reader.close();
    }

    @Test
    void resumesAfterTheRecordsAlreadyReadOnRestart() throws Exception {
        ExecutionContext context = new ExecutionContext();
        context.putInt("transferDefinitionReader.read.count", 3);
        TransferDefinitionReader reader = new TransferDefinitionReader(csv("restart.csv"));

        reader.open(context);

        assertThat(reader.read()).extracting(TransferDefinition::line, TransferDefinition::subject)
                .containsExactly(5L, "row 4");
        assertThat(reader.read().subject()).isEqualTo("row 5");
        assertThat(reader.read()).isNull();
        reader.close();
    }

    @Test
    void savesTheReadCountUnderItsName() throws Exception {
        TransferDefinitionReader reader = new TransferDefinitionReader(csv("restart.csv"));
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        reader.read();
        reader.read();

        reader.update(context);

        assertThat(context.getInt("transferDefinitionReader.read.count")).isEqualTo(2);
        reader.close();
    }

    @Test
    void neverPrintsThePassword() throws Exception {
        TransferDefinition row = readAll(csv("orders.csv")).get(0);

        assertThat(row.toString()).doesNotContain("s3cret").contains("password=***").contains("Invoice March");
        assertThat(readAll(csv("orders.csv")).get(1).toString()).contains("password=null");
    }

    @Test
    void streamsAFileOfManyRows() throws Exception {
        Path file = dir.resolve("big.csv");
        StringBuilder content = new StringBuilder("subject,to\n");
        for (int i = 0; i < 20_000; i++) {
            content.append("s").append(i).append(",\"a").append(i).append("@example.com\"\n");
        }
        Files.writeString(file, content);
        TransferDefinitionReader reader = new TransferDefinitionReader(file);
        reader.open(new ExecutionContext());

        long count = 0;
        TransferDefinition last = null;
        for (TransferDefinition row = reader.read(); row != null; row = reader.read()) {
            count++;
            last = row;
        }

        assertThat(reader.totalRows()).isEqualTo(20_000);
        assertThat(count).isEqualTo(20_000);
        assertThat(last.line()).isEqualTo(20_001);
        assertThat(last.to()).isEqualTo("a19999@example.com");
        reader.close();
    }
}
