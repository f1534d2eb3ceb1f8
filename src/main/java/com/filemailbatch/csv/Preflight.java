package com.filemailbatch.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first pass over the whole file, before anything is sent: strict UTF-8, the header, the quoting, and
 * the number of data rows. A file that fails here fails the run with nothing sent, rather than half-way
 * through after some transfers were created.
 */
final class Preflight {

    record Result(Header header, long dataRows) {
    }

    private Preflight() {
    }

    static Result check(Path path, String file) {
        checkIsReadableFile(path, file);
        try (StrictUtf8Reader reader = StrictUtf8Reader.open(path)) {
            RecordScanner scanner = new RecordScanner(reader, file);
            scanner.keepFields(true);
            if (!scanner.next()) {
                throw InputFileException.of(file, "the file is empty; a header row is required");
            }
            if (scanner.isBlank()) {
                throw InputFileException.at(file, 1, "the line is blank; a header row is required");
            }
            Header header = Header.parse(scanner.fields(), file);
            scanner.keepFields(false);
            long dataRows = 0;
            while (scanner.next()) {
                if (!scanner.isBlank()) {
                    dataRows++;
                }
            }
            return new Result(header, dataRows);
        } catch (StrictUtf8Reader.MalformedUtf8Exception e) {
            throw notUtf8(file, e);
        } catch (IOException e) {
            throw new InputFileException(file + ": the file could not be read (" + e + ")", e);
        }
    }

    static InputFileException notUtf8(String file, StrictUtf8Reader.MalformedUtf8Exception e) {
        return new InputFileException(file + ": line " + e.line() + ": not valid UTF-8 (bad byte sequence)", e);
    }

    private static void checkIsReadableFile(Path path, String file) {
        if (Files.isDirectory(path)) {
            throw InputFileException.of(file, "is a directory, not a file");
        }
        if (!Files.exists(path)) {
            throw InputFileException.of(file, "file not found");
        }
        if (!Files.isReadable(path)) {
            throw InputFileException.of(file, "the file is not readable (check its permissions)");
        }
    }
}
