package com.filemailbatch.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the transfer definitions of one CSV file, restartably (the read count is kept in the step's
 * execution context under {@code transferDefinitionReader.read.count}).
 *
 * <p>{@link #open} first checks the whole file and throws {@link InputFileException} on any file-level
 * problem, so nothing is returned from a file that cannot be used; then it streams the rows, so memory does
 * not grow with the file. Rows with the wrong number of fields are returned with a
 * {@link TransferDefinition#structureProblem()} for the validator to reject; blank lines are skipped.
 */
public class TransferDefinitionReader extends AbstractItemCountingItemStreamItemReader<TransferDefinition> {

    /** No empty-line skipping by the parser: the record count must match the preflight's line arithmetic. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Path path;
    private final String file;
    private Header header;
    private long totalRows = -1;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private long nextRecordLine;

    public TransferDefinitionReader(Path path) {
        this.path = path;
        this.file = path.toString();
        setName("transferDefinitionReader");
    }

    /** The number of data rows (blank lines not counted), known once the reader is open. */
    public long totalRows() {
        if (totalRows < 0) {
            throw new IllegalStateException("totalRows() is known only after open()");
        }
        return totalRows;
    }

    /** Lets the file problem itself reach the step, not the base class's "Failed to initialize the reader". */
    @Override
    public void open(ExecutionContext executionContext) {
        try {
            super.open(executionContext);
        } catch (ItemStreamException e) {
            if (e.getCause() instanceof InputFileException fileProblem) {
                throw fileProblem;
            }
            throw e;
        }
    }

    /** Where the step's context keeps the file's row count: what the dashboard shows a running run's progress by. */
    public static final String TOTAL_ROWS = "filemail.rows.total";

    @Override
    public void update(ExecutionContext executionContext) {
        super.update(executionContext);
        if (totalRows >= 0) {
            executionContext.putLong(TOTAL_ROWS, totalRows);
        }
    }

    @Override
    protected void doOpen() throws IOException {
        Preflight.Result preflight = Preflight.check(path, file);
        header = preflight.header();
        totalRows = preflight.dataRows();
        parser = FORMAT.parse(StrictUtf8Reader.open(path));
        records = parser.iterator();
        nextRecordLine = 1;
        nextRecord(); // the header row, already checked by the preflight
    }

    @Override
    protected TransferDefinition doRead() {
        while (true) {
            long line = nextRecordLine;
            CSVRecord record = nextRecord();
            if (record == null) {
                return null;
            }
            if (!isBlank(record)) {
                return definition(record, line);
            }
        }
    }

    @Override
    protected void doClose() throws IOException {
        if (parser != null) {
            parser.close();
            parser = null;
            records = null;
        }
    }

    /**
     * The next record, with {@link #nextRecordLine} moved past it. commons-csv's own line number depends on
     * how far its buffer has read ahead, so the start line is counted instead: every record ends with one
     * line break, and any others inside it are kept verbatim in its quoted cells.
     */
    private CSVRecord nextRecord() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            nextRecordLine += LineBreaks.in(record) + 1;
            return record;
        } catch (UncheckedIOException e) {
            throw readProblem(e);
        }
    }

    /** The preflight makes these unlikely; they mean the file changed under us, and must still read as a file problem. */
    private InputFileException readProblem(UncheckedIOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StrictUtf8Reader.MalformedUtf8Exception malformed) {
                return Preflight.notUtf8(file, malformed);
            }
        }
        return new InputFileException(file + ": line " + nextRecordLine + ": the file could not be parsed ("
                + e.getMessage() + ")", e);
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private TransferDefinition definition(CSVRecord record, long line) {
        return new TransferDefinition(file, line,
                header.cell(record, Column.REFERENCE),
                header.cell(record, Column.SUBJECT),
                header.cell(record, Column.TO),
                header.cell(record, Column.MESSAGE),
                header.cell(record, Column.PASSWORD),
                header.cell(record, Column.DAYS),
                header.cell(record, Column.NOTIFY),
                header.cell(record, Column.CONFIRMATION),
                header.cell(record, Column.FILES),
                structureProblem(record));
    }

    private String structureProblem(CSVRecord record) {
        if (record.size() == header.width()) {
            return null;
        }
        return record.size() + (record.size() == 1 ? " field" : " fields") + ", the header has " + header.width();
    }
}
